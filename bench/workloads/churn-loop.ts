// The churn both ways of running it share (bench/workloads/churn.ts in one process, and
// churn-scenario.ts as a run in its own process): TOTAL short tasks, BATCH at a time.
import type { Task } from '../../src/runtime/task.js';

export const TOTAL = 1_000_000;
const BATCH = 10_000;

/** How each batch is awaited: every task in turn, or Promise.all. */
export type Collect = 'each' | 'all';

export interface Churned {
  readonly rate: number;
  readonly baseRss: number;
  readonly peakRss: number;
}

/** A short task: one await of a microtask, then done. */
const short = async (): Promise<void> => {
  await undefined;
};

async function awaitEach(batch: readonly Task<void>[]): Promise<void> {
  for (const task of batch) await task;
}

async function awaitAll(batch: readonly Task<void>[]): Promise<void> {
  await Promise.all(batch);
}

/** Makes TOTAL tasks with `createTask`, a batch at a time, and says how fast and how much RSS. */
export async function churn(createTask: (body: () => Promise<void>) => Task<void>, how: Collect): Promise<Churned> {
  const collect = how === 'all' ? awaitAll : awaitEach;
  const baseRss = process.memoryUsage.rss();
  let peakRss = baseRss;
  const start = performance.now();
  for (let made = 0; made < TOTAL; made += BATCH) {
    const batch = new Array<Task<void>>(BATCH);
    for (let i = 0; i < BATCH; i++) batch[i] = createTask(short);
    await collect(batch);
    // Sampled while the batch is still referenced: the most this workload holds at once.
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  const seconds = (performance.now() - start) / 1000;
  return { rate: TOTAL / seconds, baseRss, peakRss };
}
