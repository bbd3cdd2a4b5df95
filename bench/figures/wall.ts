import { spawnSync } from 'node:child_process';
import { atMost, median, type Figure, type Measure } from '../figure.js';
import { ensureBuilt, ROOT, TerminalRun } from '../terminal.js';

/** Scenarios and how many times each runs both ways: a mix of a block and waits, and a crowd. */
const SCENARIOS = [
  { id: 'sync-vs-async', figure: 'wall-dashboard-vs-headless', runs: 5 },
  { id: 'rush-hour', figure: 'wall-dashboard-vs-headless-rush-hour', runs: 3 },
] as const;

/** `409ms`, `2.23s` (formatMs) in ms. */
function parseMs(text: string): number {
  return text.endsWith('ms') ? Number(text.slice(0, -2)) : Number(text.slice(0, -1)) * 1000;
}

/**
 * A scenario's own wall time (the run's wallMs: start to the end of its work) in the dashboard, in
 * a real 80x24 terminal, against a headless run, each in a fresh process, one after the other;
 * the median of the ratios.
 */
export const wall: Measure = {
  names: SCENARIOS.map((s) => s.figure),
  async run() {
    await ensureBuilt();
    const figures: Figure[] = [];
    for (const { id, figure, runs } of SCENARIOS) {
      const ratios: number[] = [];
      const pairs: string[] = [];
      for (let i = 0; i < runs; i++) {
        const alone = headlessWall(id);
        const shown = await dashboardWall(id);
        ratios.push(shown / alone);
        pairs.push(`${Math.round(shown)}/${Math.round(alone)}`);
      }
      figures.push(
        atMost(figure, median(ratios), 'x', 1.05, `${id}: dashboard (80x24) / headless wall time, median of ${runs} pairs of fresh processes (ms: ${pairs.join(', ')})`),
      );
    }
    return figures;
  },
};

function headlessWall(id: string): number {
  const child = spawnSync(process.execPath, ['bin/loopscope.js', '--headless', '--lang', 'en', '-s', id], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const ended = /ended in (\d+) ms/.exec(child.stderr);
  if (!ended) throw new Error(`headless ${id} did not say how long it took:\n${child.stderr}`);
  return Number(ended[1]);
}

async function dashboardWall(id: string): Promise<number> {
  const run = await TerminalRun.start(80, 24, `--lang en -s ${id}`);
  try {
    const screen = await run.terminal.waitFor((s) => /ended in [\d.]+m?s/.test(s), `${id} to end`, 60_000);
    await run.quit();
    return parseMs(/ended in ([\d.]+m?s)/.exec(screen)![1]!);
  } finally {
    await run.close();
  }
}
