import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { Clock } from '../../src/runtime/clock.js';
import { TimerHeap } from '../../src/runtime/timer-heap.js';
import { Tracker } from '../../src/runtime/tracker.js';

/** Spins the thread for `ms`: time passes between two timers made in one turn. */
const spin = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

const activeTimeouts = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('TimerHeap', () => {
  it('rings timers of one length made in one turn in the order they were made, as asyncio does', async () => {
    // Made a few microseconds apart, their delays straddle Node's whole milliseconds: one Node
    // timer each would ring some of them a millisecond before ones made earlier.
    for (let round = 0; round < 5; round++) {
      const clock = new Clock(new Tracker());
      const rang: number[] = [];
      const made: number[] = [];
      for (let i = 0; i < 200; i++) {
        made.push(i);
        clock.later(20, () => rang.push(i));
        spin(0.013);
      }
      await new Promise((resolve) => clock.later(25, () => resolve(undefined)));
      expect(rang).toEqual(made);
    }
  });

  it('a sleep frozen at a step keeps the time it had left: it rings that long after the freeze, not at once', async () => {
    const clock = new Clock(new Tracker());
    const made = performance.now();
    const rang = new Promise<number>((resolve) => clock.later(30, () => resolve(performance.now())));
    // The program is held at a step for 60 ms (Freeze holds the thread), 10 ms into the sleep.
    spin(10);
    const frozen = performance.now();
    spin(60);
    clock.hold(performance.now() - frozen);
    // Its Node timer is past due now; the run's own time says 20 ms are left.
    expect((await rang) - made).toBeGreaterThanOrEqual(30 + 60 - 1);
  });

  it('rings by due time, ties in the order made, each once', async () => {
    const heap = new TimerHeap(() => performance.now());
    const now = performance.now();
    const rang: string[] = [];
    const done = new Promise((resolve) => heap.add(now + 40, () => resolve(undefined)));
    for (const [name, due] of [['c', 30], ['a', 10], ['b1', 20], ['b2', 20], ['d', 0]] as const) heap.add(now + due, () => rang.push(name));
    await done;
    expect(rang).toEqual(['d', 'a', 'b1', 'b2', 'c']);
  });

  it('a cancelled timer never rings; with none left, no Node timer holds the process', async () => {
    const before = activeTimeouts();
    const heap = new TimerHeap(() => performance.now());
    const rang: string[] = [];
    const a = heap.add(performance.now() + 5, () => rang.push('a'));
    const b = heap.add(performance.now() + 10_000, () => rang.push('b'));
    expect(activeTimeouts()).toBe(before + 1);
    a.cancel();
    a.cancel();
    expect(activeTimeouts()).toBe(before + 1);
    b.cancel();
    expect(activeTimeouts()).toBe(before);
    const c = await new Promise<string>((resolve) => heap.add(performance.now() + 15, () => resolve('c')));
    expect(c).toBe('c');
    expect(rang).toEqual([]);
    expect(activeTimeouts()).toBe(before);
  });

  it('a timer made while others ring, even due at once, rings on a later firing', async () => {
    const heap = new TimerHeap(() => performance.now());
    const order: string[] = [];
    const due = performance.now() + 5;
    const done = new Promise((resolve) => {
      heap.add(due, () => {
        order.push('first');
        heap.add(performance.now(), () => {
          order.push('made while ringing');
          resolve(undefined);
        });
        queueMicrotask(() => order.push('microtask of the firing'));
      });
      heap.add(due, () => order.push('second'));
    });
    await done;
    expect(order).toEqual(['first', 'second', 'microtask of the firing', 'made while ringing']);
  });

  it('keeps ringing in order after many cancels compact the heap', async () => {
    const heap = new TimerHeap(() => performance.now());
    const now = performance.now();
    const rang: number[] = [];
    const timers = Array.from({ length: 300 }, (_, i) => heap.add(now + 5 + (i % 7), () => rang.push(i)));
    for (let i = 0; i < 300; i += 3) timers[i]!.cancel();
    for (let i = 1; i < 300; i += 3) timers[i]!.cancel();
    await new Promise((resolve) => heap.add(now + 20, () => resolve(undefined)));
    const kept = Array.from({ length: 100 }, (_, k) => 3 * k + 2);
    expect(rang).toEqual(kept.sort((x, y) => (x % 7) - (y % 7) || x - y));
  });
});
