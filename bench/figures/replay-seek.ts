import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoopMirror } from '../../src/observer/run-handle.js';
import { ReplayRun } from '../../src/record/replay-run.js';
import { readSavedStream } from '../../src/record/saved-stream.js';
import { atMost, median, type Figure, type Measure } from '../figure.js';
import { ensureBuilt, ROOT } from '../terminal.js';

const ENTITIES = '100k';
const SEEKS = 5;

/** CPU milliseconds `work` takes on this thread: on a shared machine, wall time would count the others' too. */
function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * rush-hour with 100,000 tasks saved by the bundle (`--headless --save`), then read and played
 * back here: reading the file, and a seek back (the mirror rebuilt from the start up to there,
 * the costliest seek: back from the end to a second before it), each with the snapshot the
 * screen would take next; the size the file takes per 10,000 entities.
 */
export const replaySeek: Measure = {
  names: ['replay-read-100k', 'replay-seek-back-100k', 'save-size-per-10k'],
  async run() {
    await ensureBuilt();
    const dir = await mkdtemp(join(tmpdir(), 'loopscope-bench-replay-'));
    try {
      const path = join(dir, 'rush-hour.jsonl');
      const saved = spawnSync(process.execPath, ['bin/loopscope.js', '--headless', '-s', 'rush-hour', '--scale', ENTITIES, '--save', path], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
      const total = Number(/· (\d+) entities/.exec(saved.stderr)?.[1]);
      if (!total) throw new Error(`rush-hour did not save:\n${saved.stderr}`);
      const bytes = (await stat(path)).size;
      let stream!: ReturnType<typeof readSavedStream>;
      const readMs = cpuMs(() => (stream = readSavedStream(path)));
      const recorded = stream.runs[0]!;
      const run = new ReplayRun(recorded, { speed: 1, loop: new LoopMirror() });
      run.togglePause();
      const seeks: number[] = [];
      for (let i = 0; i < SEEKS; i++) {
        run.seek(Infinity);
        seeks.push(cpuMs(() => (run.seek(recorded.length - 1000), run.tracker.snapshot())));
      }
      await run.stop('measured');
      const what = `${total.toLocaleString('en')} entities, ${recorded.events.length.toLocaleString('en')} events, ${Math.round(bytes / 1e6)} MB`;
      return [
        atMost('replay-read-100k', readMs, 'ms', 5000, `CPU time to read and check the saved rush-hour (${what})`),
        atMost('replay-seek-back-100k', median(seeks), 'ms', 500, `CPU time of a seek from the end to a second before it (the mirror rebuilt from the start) and the next snapshot, median of ${SEEKS}`),
        atMost('save-size-per-10k', (bytes / total) * 10_000 / 1e6, 'MB', 10, 'file size of the saved rush-hour per 10,000 entities'),
      ] satisfies Figure[];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
