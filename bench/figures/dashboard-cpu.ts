import { spawn } from 'node:child_process';
import { atMost, median, type Measure } from '../figure.js';
import { cpuShare, ensureBuilt, ROOT, TerminalRun } from '../terminal.js';

const SCENARIO = 'bench/workloads/ten-tasks.ts';
const WINDOW_MS = 5000;
/** From the first frame, time to let start-up work (loading the file, warm-up) pass. */
const SETTLE_MS = 2000;
const RUNS = 2;
const SIZES = [
  [80, 24],
  [160, 48],
] as const;

/**
 * The dashboard in a real terminal showing ten tasks that change state 30 times a second each
 * (bench/workloads/ten-tasks.ts): the process's CPU (every thread, user + system) over a window,
 * less what the same scenario takes headless, so what is left is the screen's (repaints, the loop
 * monitor, the frames' garbage). The frames it drew in the window are counted from the terminal.
 */
export const dashboardCpu: Measure = {
  names: ['dashboard-cpu'],
  async run() {
    await ensureBuilt();
    const headless: number[] = [];
    const shown = SIZES.map(() => [] as { cpu: number; fps: number }[]);
    for (let i = 0; i < RUNS; i++) {
      headless.push(await headlessShare());
      for (const [at, [columns, rows]] of SIZES.entries()) shown[at]!.push(await dashboardShare(columns, rows));
    }
    const base = median(headless);
    const sizes = SIZES.map(([columns, rows], at) => ({
      columns,
      rows,
      cpu: median(shown[at]!.map((s) => s.cpu)),
      fps: median(shown[at]!.map((s) => s.fps)),
    }));
    const worst = Math.max(...sizes.map((s) => s.cpu - base));
    const detail = sizes.map((s) => `${s.columns}x${s.rows}: ${percent(s.cpu)} at ${s.fps.toFixed(1)} fps`).join(', ');
    return [
      atMost(
        'dashboard-cpu',
        worst * 100,
        '% of a core',
        5,
        `10 tasks each waking 30 times a second, ${WINDOW_MS / 1000} s window, dashboard process CPU less the same scenario headless (${percent(base)}); ${detail}; median of ${RUNS} runs, the larger size's`,
      ),
    ];
  },
};

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

async function dashboardShare(columns: number, rows: number): Promise<{ cpu: number; fps: number }> {
  const run = await TerminalRun.start(columns, rows, `--lang en --file ${SCENARIO}`);
  try {
    await run.firstFrame(30_000);
    await run.terminal.waitFor((s) => s.includes('ticker-10'), 'the ten tasks', 30_000);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const frames = await run.frames();
    const started = performance.now();
    const cpu = await cpuShare(run.pid(), WINDOW_MS);
    const fps = ((await run.frames()) - frames) / ((performance.now() - started) / 1000);
    await run.quit();
    return { cpu, fps };
  } finally {
    await run.close();
  }
}

async function headlessShare(): Promise<number> {
  const child = spawn(process.execPath, ['bin/loopscope.js', '--headless', '--file', SCENARIO], { cwd: ROOT, stdio: 'ignore' });
  try {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS + 1000));
    return await cpuShare(child.pid!, WINDOW_MS);
  } finally {
    child.kill();
  }
}
