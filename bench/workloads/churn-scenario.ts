// Run as --file by bench/figures/stream-churn.ts: the churn of bench/workloads/churn.ts as a
// scenario, in a run's own process whose every task and state change goes down the event stream
// to whoever watches (the dashboard, or the headless command line). Notes its rate on the bench's clock.
import type { Ctx } from '../../src/agent/context.js';
import { churn } from './churn-loop.js';
import { note } from './note.js';

export default async function churnScenario(ctx: Ctx): Promise<void> {
  const { rate, peakRss } = await churn((body) => ctx.createTask(body), 'each');
  note('churn', { rate, peakRssMb: peakRss / 2 ** 20 });
  console.log(`${Math.round(rate).toLocaleString('en')} tasks/s`);
}
