import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { atLeast, median, type Measure } from '../figure.js';
import { LOG_VARIABLE, Probe, sleep } from '../probe.js';
import { ensureBuilt, ROOT, rssMb, TerminalRun } from '../terminal.js';

const SCENARIO = 'bench/workloads/churn-scenario.ts';
const ONE_PROCESS = fileURLToPath(new URL('../workloads/churn.ts', import.meta.url));
const ROUNDS = 3;
const COLUMNS = 160;
const ROWS = 48;

interface Round {
  readonly alone: number;
  readonly dashboard: number;
  readonly headless: number;
  /** The dashboard process's highest RSS while the churn ran, MB. */
  readonly dashboardRssMb: number;
}

/**
 * The churn of bench/workloads/churn.ts (1M short tasks, 10,000 at a time, each awaited in turn)
 * three ways, one after another in each round: in one process on a tracker that sends nothing (as
 * churn-1m-rate runs it), and as a --file scenario in a run's own process whose every event goes
 * down the stream, to the dashboard in a real terminal and to the headless command line. The
 * program times its own churn in each. The figure is the dashboard's rate over the one process's,
 * median of the rounds' ratios.
 */
export const streamChurn: Measure = {
  names: ['stream-churn-ratio'],
  async run() {
    await ensureBuilt();
    const dir = await mkdtemp(join(tmpdir(), 'loopscope-bench-'));
    try {
      const bundle = join(dir, 'churn.mjs');
      const { build } = await import('esbuild');
      await build({ entryPoints: [ONE_PROCESS], outfile: bundle, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
      const rounds: Round[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const alone = aloneRate(bundle);
        const { rate: dashboard, rssMb: dashboardRssMb } = await dashboardRate();
        const headless = await headlessRate();
        rounds.push({ alone, dashboard, headless, dashboardRssMb });
      }
      const k = (rate: number) => `${Math.round(rate / 1000)}k`;
      const ratio = median(rounds.map((r) => r.dashboard / r.alone));
      const headless = median(rounds.map((r) => r.headless / r.alone));
      const rates = rounds.map((r) => `${k(r.dashboard)}/${k(r.headless)}/${k(r.alone)}`).join(', ');
      return [
        atLeast(
          'stream-churn-ratio',
          ratio,
          'x',
          0.7,
          `1M short tasks (bench/workloads/churn.ts's loop), the program's own rate as a --file scenario in the dashboard (${COLUMNS}x${ROWS}, tmux; every event streamed to it) over the same churn in one process with no stream; the headless command line consuming the stream instead: ${headless.toFixed(2)}x; tasks/s dashboard/headless/one process ${rates}; dashboard process peak RSS ${Math.round(Math.max(...rounds.map((r) => r.dashboardRssMb)))} MB; median of ${ROUNDS} rounds' ratios`,
        ),
      ];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

function aloneRate(bundle: string): number {
  const child = spawnSync(process.execPath, [bundle, 'each'], { encoding: 'utf8', timeout: 120_000 });
  if (child.status !== 0) throw new Error(`the one-process churn failed:\n${child.stderr}`);
  return (JSON.parse(child.stdout) as { rate: number }).rate;
}

async function dashboardRate(): Promise<{ rate: number; rssMb: number }> {
  const probe = await Probe.create();
  // The log alone: the probe's hook would add its own work to the dashboard's.
  const run = await TerminalRun.start(COLUMNS, ROWS, `--lang en --file ${SCENARIO}`, { [LOG_VARIABLE]: probe.log });
  try {
    let peak = 0;
    const done = probe.waitFor((e) => e.ev === 'churn', 'the churn to end', 120_000);
    let finished = false;
    void done.finally(() => (finished = true)).catch(() => undefined);
    while (!finished) {
      try {
        peak = Math.max(peak, rssMb(run.pid()));
      } catch {
        // Not started yet.
      }
      await sleep(100);
    }
    const churned = await done;
    await run.quit();
    return { rate: Number(churned.rate), rssMb: peak };
  } finally {
    await run.close();
    await probe.close();
  }
}

async function headlessRate(): Promise<number> {
  const probe = await Probe.create();
  try {
    const child = spawnSync(process.execPath, ['bin/loopscope.js', '--headless', '--file', SCENARIO], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, [LOG_VARIABLE]: probe.log },
    });
    if (child.status !== 0) throw new Error(`the headless churn failed:\n${child.stderr}`);
    const churned = (await probe.events()).find((e) => e.ev === 'churn');
    if (!churned) throw new Error('the headless churn noted no rate');
    return Number(churned.rate);
  } finally {
    await probe.close();
  }
}
