import { spawn } from 'node:child_process';
import { atMost, median, type Measure } from '../figure.js';
import { cpuShares, ensureBuilt, ROOT, runProcesses, TerminalRun, type CpuShare } from '../terminal.js';

const SCENARIO = 'bench/workloads/ten-tasks.ts';
/**
 * Long enough that the 10 ms clock ticks /proc counts CPU time in, and a busy moment of another
 * process on a shared machine, move the figure by a tenth of a percent or so, not by whole ones.
 */
const WINDOW_MS = 8000;
/**
 * From the ten tasks on screen (headless: from the start), time to let start-up pass: loading the file, and the JIT, which goes on
 * compiling the renderer's hot code (and Yoga's WebAssembly) for several seconds at a few frames
 * a second. In the first seconds that adds about a point on V8's helper threads: the figure is
 * the screen's steady cost.
 */
const SETTLE_MS = 10_000;
const RUNS = 3;
const ENDED_EARLY = `the ten tasks ended before the ${WINDOW_MS / 1000} s window closed: make SECONDS in ${SCENARIO} longer`;
const SIZES = [
  [80, 24],
  [160, 48],
] as const;

interface Shown {
  /** The dashboard's process: the screen, and reading the run's stream. */
  readonly dashboard: CpuShare;
  /** The run's own process while the dashboard watches it. */
  readonly run: CpuShare;
  readonly fps: number;
}

interface Headless {
  /** The headless command line, reading the run's stream with no screen. */
  readonly watcher: CpuShare;
  /** The run's own process, headless. */
  readonly run: CpuShare;
}

/**
 * The dashboard in a real terminal showing ten tasks that change state 30 times a second each
 * (bench/workloads/ten-tasks.ts). The run has a process of its own now, so the dashboard's
 * process holds the screen alone (repaints, reading and mirroring the run's stream, the frames'
 * garbage): the figure is that process's CPU (every thread, user + system) over a window, the
 * worse size's median of RUNS runs. Each run also measures the same scenario headless, for what
 * a watcher with no screen costs and what the run's own process takes either way: watching a run
 * costs it its loop samples and its stream. The frames drawn in the window are counted from the
 * terminal; the main thread's own share says how much of the cost is the loop's.
 */
export const dashboardCpu: Measure = {
  names: ['dashboard-cpu'],
  async run() {
    await ensureBuilt();
    const headless: Headless[] = [];
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
        all: median(runs.map((s) => s.dashboard.all)),
        main: median(runs.map((s) => s.dashboard.main)),
        run: median(runs.map((s) => s.run.all)),
        fps: median(runs.map((s) => s.fps)),
      };
    });
    const worst = Math.max(...sizes.map((s) => s.all));
    const detail = sizes
      .map((s) => `${s.columns}x${s.rows}: ${percent(s.all)}, main thread ${percent(s.main)}, at ${s.fps.toFixed(1)} fps, the run's process ${percent(s.run)}`)
      .join('; ');
    const alone = `headless: the command line ${percent(median(headless.map((h) => h.watcher.all)))}, the run's process ${percent(median(headless.map((h) => h.run.all)))}`;
    return [
      atMost(
        'dashboard-cpu',
        worst * 100,
        '% of a core',
        5,
        `10 tasks each waking 30 times a second (--file ${SCENARIO}), ${WINDOW_MS / 1000} s windows from ${SETTLE_MS / 1000} s after the tasks start: the dashboard process's CPU (every thread; the run is in its own process); ${detail}; ${alone}; median of ${RUNS} runs, the worse size's`,
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
    const pid = run.pid();
    // The oldest of the dashboard's runs' processes is the run on screen; the next is the spare.
    const [runPid] = runProcesses(pid);
    if (runPid === undefined) throw new Error("the run's process is not running");
    const frames = await run.frames();
    const started = performance.now();
    const [dashboard, own] = await cpuShares([pid, runPid], WINDOW_MS);
    const fps = ((await run.frames()) - frames) / ((performance.now() - started) / 1000);
    // A window that outlasted the run would have measured an idle screen.
    if (!run.terminal.screen().includes('● running')) throw new Error(ENDED_EARLY);
    await run.quit();
    return { dashboard: dashboard!, run: own!, fps };
  } finally {
    await run.close();
  }
}

async function headlessShare(): Promise<Headless> {
  const child = spawn(process.execPath, ['bin/loopscope.js', '--headless', '--file', SCENARIO], { cwd: ROOT, stdio: 'ignore' });
  try {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS + 500));
    const [runPid] = runProcesses(child.pid!);
    if (runPid === undefined) throw new Error(child.exitCode !== null ? ENDED_EARLY : "the headless run's process is not running");
    // Their /proc entries are gone once they end: the read fails rather than measuring an idle process.
    const [watcher, run] = await cpuShares([child.pid!, runPid], WINDOW_MS).catch((error: unknown) => {
      throw child.exitCode !== null ? new Error(ENDED_EARLY) : error;
    });
    return { watcher: watcher!, run: run! };
  } finally {
    child.kill();
  }
}
