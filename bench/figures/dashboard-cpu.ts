import { spawn } from 'node:child_process';
import { atMost, median, type Measure } from '../figure.js';
import { cpuShare, ensureBuilt, ROOT, TerminalRun, type CpuShare } from '../terminal.js';

const SCENARIO = 'bench/workloads/ten-tasks.ts';
/**
 * Long enough that the 10 ms clock ticks /proc counts CPU time in, and a busy moment of another
 * process on a shared machine, move the figure by a tenth of a percent or so, not by whole ones.
 */
const WINDOW_MS = 8000;
/**
 * From the ten tasks on screen (headless: from the start), time to let start-up pass: loading the file, and the JIT, which goes on
 * compiling the renderer's hot code (and Yoga's WebAssembly) for several seconds at a few frames
 * a second. In the first seconds that adds about a point on V8's helper threads, and the headless
 * run's own start-up makes its baseline jump: the figure is the screen's steady cost.
 */
const SETTLE_MS = 10_000;
const RUNS = 3;
const ENDED_EARLY = `the ten tasks ended before the ${WINDOW_MS / 1000} s window closed: make SECONDS in ${SCENARIO} longer`;
const SIZES = [
  [80, 24],
  [160, 48],
] as const;

interface Shown extends CpuShare {
  readonly fps: number;
}

/**
 * The dashboard in a real terminal showing ten tasks that change state 30 times a second each
 * (bench/workloads/ten-tasks.ts): the process's CPU (every thread, user + system) over a window,
 * less what the same scenario takes headless, so what is left is the screen's (repaints, the loop
 * monitor, the frames' garbage). Each run measures headless and then each size, and the figure is
 * the median of the runs' differences, so a busy spell of the machine weighs on both sides of one
 * difference rather than on one side of the figure. The frames drawn in the window are counted
 * from the terminal; the main thread's own share says how much of the cost is the loop's.
 */
export const dashboardCpu: Measure = {
  names: ['dashboard-cpu'],
  async run() {
    await ensureBuilt();
    const headless: CpuShare[] = [];
    const shown = SIZES.map(() => [] as Shown[]);
    for (let i = 0; i < RUNS; i++) {
      headless.push(await headlessShare());
      for (const [at, [columns, rows]] of SIZES.entries()) shown[at]!.push(await dashboardShare(columns, rows));
    }
    const sizes = SIZES.map(([columns, rows], at) => {
      const runs = shown[at]!;
      return {
        columns,
        rows,
        extra: median(runs.map((s, i) => s.all - headless[i]!.all)),
        extraMain: median(runs.map((s, i) => s.main - headless[i]!.main)),
        fps: median(runs.map((s) => s.fps)),
      };
    });
    const worst = Math.max(...sizes.map((s) => s.extra));
    const base = `${percent(median(headless.map((h) => h.all)))} (main thread ${percent(median(headless.map((h) => h.main)))})`;
    const detail = sizes
      .map((s) => `${s.columns}x${s.rows}: +${percent(s.extra)}, main thread +${percent(s.extraMain)}, at ${s.fps.toFixed(1)} fps`)
      .join('; ');
    return [
      atMost(
        'dashboard-cpu',
        worst * 100,
        '% of a core',
        5,
        `10 tasks each waking 30 times a second, ${WINDOW_MS / 1000} s windows, dashboard process CPU (every thread) less the same scenario headless, ${base}; ${detail}; from ${SETTLE_MS / 1000} s after the tasks start; median of ${RUNS} runs' differences, the worse size's`,
      ),
    ];
  },
};

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

async function dashboardShare(columns: number, rows: number): Promise<Shown> {
  const run = await TerminalRun.start(columns, rows, `--lang en --file ${SCENARIO}`);
  try {
    await run.firstFrame(30_000);
    await run.terminal.waitFor((s) => s.includes('ticker-10'), 'the ten tasks', 30_000);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const frames = await run.frames();
    const started = performance.now();
    const cpu = await cpuShare(run.pid(), WINDOW_MS);
    const fps = ((await run.frames()) - frames) / ((performance.now() - started) / 1000);
    // A window that outlasted the run would have measured an idle screen.
    if (!run.terminal.screen().includes('● running')) throw new Error(ENDED_EARLY);
    await run.quit();
    return { ...cpu, fps };
  } finally {
    await run.close();
  }
}

async function headlessShare(): Promise<CpuShare> {
  const child = spawn(process.execPath, ['bin/loopscope.js', '--headless', '--file', SCENARIO], { cwd: ROOT, stdio: 'ignore' });
  try {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS + 500));
    // Its /proc entry is gone once it ends: the read fails rather than measuring an idle process.
    return await cpuShare(child.pid!, WINDOW_MS).catch((error: unknown) => {
      throw child.exitCode !== null ? new Error(ENDED_EARLY) : error;
    });
  } finally {
    child.kill();
  }
}
