import { Runtime } from '../../src/runtime/runtime.js';
import { Tracker } from '../../src/runtime/tracker.js';
import { atMost, median, type Figure } from '../figure.js';

const N = 20_000;

/** Awaiting a tracked Task against awaiting the same async function's raw promise, same rounds. */
export async function trackedTaskOverhead(): Promise<Figure> {
  const ratios: number[] = [];
  const work = async (i: number) => i;
  for (let round = 0; round < 9; round++) {
    const raw = await time(async () => {
      for (let i = 0; i < N; i++) await work(i);
    });
    const runtime = new Runtime(new Tracker());
    const tracked = await time(async () => {
      for (let i = 0; i < N; i++) await runtime.createTask(() => work(i));
    });
    if (round > 1) ratios.push(tracked / raw);
  }
  return atMost('tracked-task-overhead', median(ratios), 'x', 2, `median of 7 rounds of ${N} awaits`);
}

async function time(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
