// Bundled and run in a child process by bench/figures/churn.ts, so earlier figures' heap does not count:
// 1M short tracked tasks on a headless tracker, then one JSON line with the rate and the peak RSS.
// The argument says how each batch is awaited: `each` (every task in turn) or `all` (Promise.all).
import { Runtime } from '../../src/runtime/runtime.js';
import { Tracker } from '../../src/runtime/tracker.js';
import { churn } from './churn-loop.js';

const runtime = new Runtime(new Tracker());
const { rate, baseRss, peakRss } = await churn((body) => runtime.createTask(body), process.argv[2] === 'all' ? 'all' : 'each');
const snap = runtime.tracker.snapshot();
process.stdout.write(
  `${JSON.stringify({
    tasks: snap.total,
    resolved: snap.counts.resolved,
    retained: snap.entities.length,
    rate,
    baseRssMb: baseRss / 2 ** 20,
    peakRssMb: peakRss / 2 ** 20,
  })}\n`,
);
