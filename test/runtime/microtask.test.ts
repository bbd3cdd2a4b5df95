import { expect, test } from 'vitest';
import { queueMicrotaskWith } from '../../src/runtime/microtask.js';

test('runs each call in its own microtask, interleaved with others exactly as queueMicrotask would', async () => {
  const order: string[] = [];
  const push = (label: string) => order.push(label);
  queueMicrotaskWith(push, 'a');
  queueMicrotask(() => push('native 1'));
  void Promise.resolve().then(() => push('then'));
  queueMicrotaskWith(push, 'b');
  queueMicrotask(() => {
    push('native 2');
    // Queued from inside a microtask: after everything already queued.
    queueMicrotaskWith(push, 'c');
  });
  queueMicrotaskWith(push, 'd');
  await new Promise((resolve) => setImmediate(resolve));
  expect(order).toEqual(['a', 'native 1', 'then', 'b', 'native 2', 'd', 'c']);
});

test('a throw is an uncaught exception, as from queueMicrotask, and later calls still run', async () => {
  const seen: unknown[] = [];
  // The test runner's own handler would report the throw as a failure: take its place meanwhile.
  const listeners = process.listeners('uncaughtException');
  process.removeAllListeners('uncaughtException');
  process.on('uncaughtException', (error) => seen.push(error));
  const ran: number[] = [];
  try {
    queueMicrotaskWith((n: number) => {
      throw new Error(`boom ${n}`);
    }, 1);
    queueMicrotaskWith((n: number) => ran.push(n), 2);
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.removeAllListeners('uncaughtException');
    for (const listener of listeners) process.on('uncaughtException', listener);
  }
  expect(ran).toEqual([2]);
  expect(seen).toHaveLength(1);
  expect((seen[0] as Error).message).toBe('boom 1');
});

test('a chain of calls that never lets the queue drain still runs them all, in order', async () => {
  const seen: number[] = [];
  // Two calls always pending: each run queues the next, so the queue is never empty until the end.
  const step = (n: number) => {
    seen.push(n);
    if (n + 2 < 20_000) queueMicrotaskWith(step, n + 2);
  };
  queueMicrotaskWith(step, 0);
  queueMicrotaskWith(step, 1);
  await new Promise((resolve) => setImmediate(resolve));
  expect(seen).toHaveLength(20_000);
  expect(seen.every((n, i) => n === i)).toBe(true);
});
