/**
 * queueMicrotask with an argument, without a closure per call. Node's queueMicrotask also makes an
 * AsyncResource and a bound function per call (~90 ns and ~250 bytes); a reaction on a settled
 * promise is a plain microtask job. Each call enqueues one job of the same shared function, and
 * jobs run in enqueue order, so the n-th job takes the n-th pair: the order is exactly that of
 * one microtask per call, interleaved with every other microtask as queueMicrotask would be.
 */
const SETTLED = Promise.resolve();
let queue: unknown[] = [];
let head = 0;

function runNext(): void {
  const fn = queue[head] as (arg: unknown) => void;
  const arg = queue[head + 1];
  queue[head] = queue[head + 1] = undefined;
  head += 2;
  if (head === queue.length) {
    queue = [];
    head = 0;
  } else if (head >= 4096 && head * 2 >= queue.length) {
    // Calls that keep coming before the queue drains (tasks starting tasks): drop the run part.
    queue = queue.slice(head);
    head = 0;
  }
  try {
    fn(arg);
  } catch (error) {
    // A throw from a microtask is an uncaught exception, as it would be from queueMicrotask.
    queueMicrotask(() => {
      throw error;
    });
  }
}

/** Calls `fn(arg)` in a microtask, in the order queueMicrotask would. */
export function queueMicrotaskWith<A>(fn: (arg: A) => void, arg: A): void {
  queue.push(fn, arg);
  void SETTLED.then(runNext);
}
