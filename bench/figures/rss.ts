import { median, reported, type Measure } from '../figure.js';
import { sleep } from '../probe.js';
import { ensureBuilt, rssMb, runProcesses, TerminalRun } from '../terminal.js';

const RUNS = 3;
const COLUMNS = 160;
const ROWS = 48;
const SAMPLE_MS = 100;

interface Peaks {
  readonly dashboard: number;
  readonly run: number;
  readonly spare: number;
}

/**
 * What a typical run costs in memory now that it has a process of its own: rush hour (10,000
 * tasks) in the dashboard in a real terminal, the resident set of the dashboard's process and of
 * the run's (and of the spare one started ahead for the next run) sampled every SAMPLE_MS from
 * the start to the run's end; the peak of each, median of RUNS starts.
 */
export const rss: Measure = {
  names: ['rss-dashboard-rush-hour-10k', 'rss-run-rush-hour-10k'],
  async run() {
    await ensureBuilt();
    const peaks: Peaks[] = [];
    for (let i = 0; i < RUNS; i++) peaks.push(await peaksOnce());
    const of = (key: keyof Peaks) => median(peaks.map((p) => p[key]));
    const how = `rush-hour (10,000 tasks) in the dashboard at ${COLUMNS}x${ROWS} (tmux), VmRSS sampled every ${SAMPLE_MS} ms from the start to the run's end; peak, median of ${RUNS} starts`;
    return [
      reported('rss-dashboard-rush-hour-10k', of('dashboard'), 'MB', `the dashboard's process: ${how} (${peaks.map((p) => Math.round(p.dashboard)).join(', ')} MB)`),
      reported(
        'rss-run-rush-hour-10k',
        of('run'),
        'MB',
        `the run's process (node dist/agent.js): ${how} (${peaks.map((p) => Math.round(p.run)).join(', ')} MB); the spare process waiting for the next run another ${Math.round(of('spare'))} MB`,
      ),
    ];
  },
};

async function peaksOnce(): Promise<Peaks> {
  const run = await TerminalRun.start(COLUMNS, ROWS, '--lang en -s rush-hour');
  try {
    let dashboard = 0;
    let runPeak = 0;
    let spare = 0;
    let runPid: number | undefined;
    let sparePid: number | undefined;
    const deadline = performance.now() + 60_000;
    while (!run.terminal.screen().includes('ended in')) {
      if (performance.now() > deadline) throw new Error(`rush hour did not end; the screen:\n${run.terminal.screen()}`);
      try {
        const pid = run.pid();
        // The run's process is started first, then the spare: the oldest two, told apart once.
        if (runPid === undefined) [runPid, sparePid] = runProcesses(pid);
        dashboard = Math.max(dashboard, rssMb(pid));
        if (runPid !== undefined) runPeak = Math.max(runPeak, rssMb(runPid));
        if (sparePid !== undefined) spare = Math.max(spare, rssMb(sparePid));
      } catch {
        // Not started yet, or the run's process ended between the check and the read.
      }
      await sleep(SAMPLE_MS);
    }
    await run.quit();
    if (runPeak === 0) throw new Error("the run's process was never seen");
    return { dashboard, run: runPeak, spare };
  } finally {
    await run.close();
  }
}
