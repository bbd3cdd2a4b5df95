import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { atLeast, atMost, median, type Figure, type Measure } from '../figure.js';

const WORKLOAD = fileURLToPath(new URL('../workloads/churn.ts', import.meta.url));
const RUNS = 3;
const TASKS = 1_000_000;

/** What one run of bench/workloads/churn.ts prints. */
interface ChurnRun {
  readonly tasks: number;
  readonly resolved: number;
  readonly retained: number;
  readonly rate: number;
  readonly baseRssMb: number;
  readonly peakRssMb: number;
}

/**
 * 1M short tracked tasks, each run in a fresh process (so earlier figures' heap does not count),
 * bundled with esbuild and run by plain node as `npm start` runs loopscope: a TypeScript loader
 * would add its own thread and ~30 MB to the RSS. The median rate and the highest peak RSS.
 */
export const churn: Measure = {
  names: ['churn-1m-rate', 'churn-1m-rss', 'churn-1m-rate-promise-all'],
  async run() {
    const dir = await mkdtemp(join(tmpdir(), 'loopscope-bench-'));
    try {
      const bundle = join(dir, 'churn.mjs');
      const { build } = await import('esbuild');
      await build({ entryPoints: [WORKLOAD], outfile: bundle, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
      const each: ChurnRun[] = [];
      const all: ChurnRun[] = [];
      // Alternated, so a noisy moment on a shared machine hits both ways of awaiting alike.
      for (let i = 0; i < RUNS; i++) {
        each.push(await churnOnce(bundle, 'each'));
        all.push(await churnOnce(bundle, 'all'));
      }
      return figures(each, all);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};

function figures(each: readonly ChurnRun[], all: readonly ChurnRun[]): Figure[] {
  const workload = `${TASKS.toLocaleString('en')} Runtime.createTask on a headless Tracker (default options), 100 batches of 10,000 concurrent tasks, each body awaiting one microtask`;
  const runs = `median of ${RUNS} processes`;
  const base = Math.max(...each.map((r) => r.baseRssMb));
  return [
    atLeast('churn-1m-rate', median(each.map((r) => r.rate)), 'tasks/s', 1_000_000, `${workload}; a batch collected by awaiting each task in turn; ${runs}`),
    atMost(
      'churn-1m-rss',
      Math.max(...each.map((r) => r.peakRssMb)),
      'MB',
      150,
      `peak process RSS during that churn, sampled after each batch, highest of ${RUNS} processes (${Math.round(base)} MB before it)`,
    ),
    atLeast(
      'churn-1m-rate-promise-all',
      median(all.map((r) => r.rate)),
      'tasks/s',
      1_000_000,
      `the same churn with each batch collected by Promise.all, which wraps every thenable in a promise of its own; ${runs}`,
    ),
  ];
}

async function churnOnce(bundle: string, collect: 'each' | 'all'): Promise<ChurnRun> {
  const { stdout } = await promisify(execFile)(process.execPath, [bundle, collect], { timeout: 120_000 });
  const run = JSON.parse(stdout) as ChurnRun;
  if (run.tasks !== TASKS || run.resolved !== TASKS) {
    throw new Error(`churn tracked ${run.tasks} tasks, ${run.resolved} resolved; expected ${TASKS} each`);
  }
  return run;
}
