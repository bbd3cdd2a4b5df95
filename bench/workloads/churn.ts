// Bundled and run in a child process by bench/figures/churn.ts, so earlier figures' heap does not count:
// 1M short tracked tasks on a headless tracker, then one JSON line with the rate and the peak RSS.
// The argument says how each batch is awaited: `each` (every task in turn) or `all` (Promise.all).
import { Runtime } from '../../src/runtime/runtime.js';
import { Tracker } from '../../src/runtime/tracker.js';
import type { Task } from '../../src/runtime/task.js';

const TOTAL = 1_000_000;
const BATCH = 10_000;

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

const collect = process.argv[2] === 'all' ? awaitAll : awaitEach;
const runtime = new Runtime(new Tracker());
const baseRss = process.memoryUsage.rss();
let peakRss = baseRss;
const start = performance.now();
for (let made = 0; made < TOTAL; made += BATCH) {
  const batch = new Array<Task<void>>(BATCH);
  for (let i = 0; i < BATCH; i++) batch[i] = runtime.createTask(short);
  await collect(batch);
  // Sampled while the batch is still referenced: the most this workload holds at once.
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}
const seconds = (performance.now() - start) / 1000;
const snap = runtime.tracker.snapshot();
process.stdout.write(
  `${JSON.stringify({
    tasks: snap.total,
    resolved: snap.counts.resolved,
    retained: snap.entities.length,
    rate: TOTAL / seconds,
    baseRssMb: baseRss / 2 ** 20,
    peakRssMb: peakRss / 2 ** 20,
  })}\n`,
);
