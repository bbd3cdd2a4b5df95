import { expect, test } from 'vitest';
import { FrameBudget } from '../src/dashboard/frame-budget.js';

test('after a quiet spell a few repaints come at once, then repaints keep to their share of the loop', () => {
  const budget = new FrameBudget(0.05, 50, 1000);
  let now = 1000;
  // Nothing measured yet, and credit saved up: repaint at once.
  expect(budget.wait(now)).toBe(0);
  // Repaints of 10 ms, as fast as the credit allows: 5 of them, then a wait.
  let quick = 0;
  while (budget.wait(now) === 0) {
    budget.record(10, now);
    quick++;
    now += 1;
  }
  expect(quick).toBe(5);
  // From then on one repaint per 200 ms: 10 ms is 5% of it.
  const starts: number[] = [];
  for (let i = 0; i < 10; i++) {
    now += budget.wait(now);
    starts.push(now);
    budget.record(10, now);
  }
  const gaps = starts.slice(1).map((t, i) => t - starts[i]!);
  for (const gap of gaps) expect(gap).toBeCloseTo(200, 6);
  // One slow repaint (a collection, say) does not set the pace; a run of them does, up to the cap.
  budget.record(400, now);
  now += budget.wait(now);
  expect(budget.frameMs).toBe(10);
  for (let i = 0; i < 5; i++) budget.record(400, now);
  expect(budget.frameMs).toBe(400);
  expect(budget.wait(now)).toBe(1000);
  // A long quiet spell refills the credit, but no more than the burst.
  now += 60_000;
  for (let i = 0; i < 5; i++) budget.record(2, now);
  expect(budget.wait(now)).toBe(0);
});
