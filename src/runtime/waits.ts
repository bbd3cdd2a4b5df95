import type { Later } from './timer-heap.js';
import { RuntimeError, TimeoutError, ValueError } from './errors.js';
import { BaseFuture, Future, pyNamed } from './future.js';
import { currentTask } from './loop.js';
import { Queue } from './queue.js';
import type { Awaitable, Runtime } from './runtime.js';
import { Task } from './task.js';

// asyncio's ways to wait with a limit (Python 3.11), line for line: wait_for, wait, as_completed,
// shield and timeout. Times are scenario milliseconds, scaled by the run's speed.

/** A real timer for `ms` scenario milliseconds from now; `null`/Infinity never rings. */
function later(runtime: Runtime, ms: number, ring: () => void): Later | undefined {
  if (!Number.isFinite(ms)) return undefined;
  return runtime.clock.later(Math.max(0, runtime.clock.scale(ms)), ring);
}

/** Sets `waiter` if it is not done yet: asyncio's _release_waiter. */
function releaseWaiter(waiter: BaseFuture<void>): void {
  if (!waiter.done()) waiter.setResult();
}

/** Cancels `fut` and waits until it is done (its finally blocks ran): asyncio's _cancel_and_wait. */
async function cancelAndWait(fut: BaseFuture<unknown>): Promise<void> {
  const waiter = new BaseFuture<void>();
  const callback = pyNamed('_release_waiter', () => releaseWaiter(waiter));
  fut.addDoneCallback(callback);
  try {
    fut.cancel();
    await waiter;
  } finally {
    fut.removeDoneCallback(callback);
  }
}

/**
 * asyncio.wait_for: the awaitable's result, or TimeoutError after `ms` (`null` waits for ever).
 * On time-out the inner task or future is cancelled and waited for: the TimeoutError comes once
 * it has unwound, and a body that swallows the cancel and returns gives its result instead. With
 * a timeout of 0 or less a task not yet started never runs.
 */
export async function waitFor<T>(runtime: Runtime, work: Awaitable<T>, ms: number | null): Promise<T> {
  if (ms === null || ms === undefined) return await work;
  const fut = runtime.ensureFuture(work);
  if (ms <= 0) {
    if (fut.done()) return fut.result();
    await cancelAndWait(fut as BaseFuture<unknown>);
    try {
      return fut.result();
    } catch (error) {
      if (error instanceof Error && error.name === 'CancelledError') throw new TimeoutError();
      throw error;
    }
  }
  const waiter = new BaseFuture<void>();
  const timer = later(runtime, ms, () => releaseWaiter(waiter));
  const callback = pyNamed('_release_waiter', () => releaseWaiter(waiter));
  fut.addDoneCallback(callback);
  try {
    try {
      await waiter;
    } catch (error) {
      if (fut.done()) return fut.result();
      fut.removeDoneCallback(callback);
      await cancelAndWait(fut as BaseFuture<unknown>);
      throw error;
    }
    if (fut.done()) return fut.result();
    fut.removeDoneCallback(callback);
    await cancelAndWait(fut as BaseFuture<unknown>);
    try {
      return fut.result();
    } catch (error) {
      if (error instanceof Error && error.name === 'CancelledError') throw new TimeoutError();
      throw error;
    }
  } finally {
    timer?.cancel();
  }
}

/** When wait() returns: asyncio's FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED. */
export type ReturnWhen = 'FIRST_COMPLETED' | 'FIRST_EXCEPTION' | 'ALL_COMPLETED';

const RETURN_WHEN: readonly ReturnWhen[] = ['FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED'];

/** Options of wait(): a timeout in ms (`null`: none), and when to return. */
export interface WaitOptions {
  readonly timeout?: number | null;
  readonly returnWhen?: ReturnWhen;
}

/**
 * asyncio.wait: waits for futures and tasks until the condition (or the timeout), and returns the
 * done and the pending ones as two sets. It cancels nothing. Coroutine objects are refused, as in
 * Python 3.11: make them tasks first.
 */
export async function wait<F extends BaseFuture<unknown>>(runtime: Runtime, works: Iterable<F>, options: WaitOptions = {}): Promise<[Set<F>, Set<F>]> {
  const returnWhen = options.returnWhen ?? 'ALL_COMPLETED';
  const fs = new Set(works);
  if (fs.size === 0) throw new ValueError('Set of Tasks/Futures is empty.');
  if (!RETURN_WHEN.includes(returnWhen)) throw new ValueError(`Invalid return_when value: ${returnWhen}`);
  for (const f of fs) if (!(f instanceof Future)) throw new TypeError('Passing coroutines is forbidden, use tasks explicitly.');
  const waiter = new BaseFuture<void>();
  const timeout = options.timeout;
  let timer: Later | undefined;
  let counter = fs.size;
  const onCompletion = pyNamed('_wait.<locals>._on_completion', (f: F) => {
    counter--;
    if (counter <= 0 || returnWhen === 'FIRST_COMPLETED' || (returnWhen === 'FIRST_EXCEPTION' && !f.cancelled() && f.exception() !== null)) {
      timer?.cancel();
      releaseWaiter(waiter);
    }
  });
  if (timeout !== null && timeout !== undefined) timer = later(runtime, timeout, () => releaseWaiter(waiter));
  for (const f of fs) f.addDoneCallback(onCompletion);
  try {
    await waiter;
  } finally {
    timer?.cancel();
    for (const f of fs) f.removeDoneCallback(onCompletion);
  }
  const done = new Set<F>();
  const pending = new Set<F>();
  for (const f of fs) (f.done() ? done : pending).add(f);
  return [done, pending];
}

/**
 * asyncio.as_completed: one awaitable per input, the i-th giving the result (or raising the error)
 * of the i-th input to finish; with a timeout, the ones left raise TimeoutError. Each is lazy, as
 * Python's `_wait_for_one()` coroutines are: awaiting it waits, in the task that awaits.
 */
export function asCompleted<T>(runtime: Runtime, works: Iterable<Awaitable<T>>, options: { timeout?: number | null } = {}): PromiseLike<T>[] {
  // Boxed: an async function that returned a future itself would hand out its result instead.
  const done = new Queue<{ readonly future: BaseFuture<T> } | null>();
  const todo = new Set<BaseFuture<T>>();
  for (const work of new Set(works)) todo.add(runtime.ensureFuture(work));
  let timer: Later | undefined;
  const onCompletion = pyNamed('as_completed.<locals>._on_completion', (f: BaseFuture<T>) => {
    if (todo.size === 0) return;
    todo.delete(f);
    done.putNowait({ future: f });
    if (todo.size === 0) timer?.cancel();
  });
  const onTimeout = () => {
    for (const f of todo) {
      f.removeDoneCallback(onCompletion);
      done.putNowait(null);
    }
    todo.clear();
  };
  for (const f of todo) f.addDoneCallback(onCompletion);
  if (todo.size > 0 && options.timeout !== null && options.timeout !== undefined) timer = later(runtime, options.timeout, onTimeout);
  const waitForOne = async (): Promise<T> => {
    const box = await done.get();
    if (box === null) throw new TimeoutError();
    return box.future.result();
  };
  return Array.from({ length: todo.size }, () => ({
    then: <R1 = T, R2 = never>(onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null, onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null) =>
      waitForOne().then(onfulfilled, onrejected),
  }));
}

/**
 * asyncio.shield: a future that follows `work`, except that cancelling it does not cancel `work`
 * (the task awaiting the shield gets CancelledError; the work goes on).
 */
export function shield<T>(runtime: Runtime, work: Awaitable<T>): BaseFuture<T> {
  const inner = runtime.ensureFuture(work);
  if (inner.done()) return inner;
  const outer = new Future<T>(runtime.tracker, { name: 'shield', parent: runtime.parent() });
  const innerDone = pyNamed('shield.<locals>._inner_done_callback', (f: BaseFuture<T>) => {
    if (outer.cancelled()) return;
    if (f.cancelled()) outer.cancel();
    else if (f.exception() !== null) outer.setException(f.exception());
    else outer.setResult(f.result());
  });
  const outerDone = pyNamed('shield.<locals>._outer_done_callback', () => {
    if (!inner.done()) inner.removeDoneCallback(innerDone);
  });
  inner.addDoneCallback(innerDone);
  outer.addDoneCallback(outerDone);
  return outer;
}

type TimeoutState = 'created' | 'active' | 'expiring' | 'expired' | 'finished';

/**
 * asyncio.timeout's context manager (Python 3.11): when the deadline passes, the task is
 * cancelled; on the way out of the block, that cancel becomes TimeoutError. `when` is a time on
 * the clock of ctx.time() (asyncio's loop.time()), in ms.
 */
export class Timeout {
  #state: TimeoutState = 'created';
  #timer: Later | NodeJS.Immediate | undefined;
  #task: Task<unknown> | undefined;
  #cancelling = 0;

  constructor(
    private readonly runtime: Runtime,
    private deadline: number | null,
  ) {}

  /** The deadline, or null for none. */
  when(): number | null {
    return this.deadline;
  }

  reschedule(when: number | null): void {
    if (this.#state !== 'active') {
      if (this.#state === 'created') throw new RuntimeError('Timeout has not been entered');
      throw new RuntimeError(`Cannot change state of ${this.#state} Timeout`);
    }
    this.deadline = when;
    this.#clear();
    if (when === null) return;
    const wait = when - this.runtime.clock.time();
    this.#timer = wait <= 0 ? setImmediate(() => this.#onTimeout()) : this.runtime.clock.later(this.runtime.clock.scale(wait), () => this.#onTimeout());
  }

  expired(): boolean {
    return this.#state === 'expiring' || this.#state === 'expired';
  }

  repr(): string {
    const when = this.#state === 'active' ? ` when=${this.deadline === null ? 'None' : Math.round(this.deadline * 1000) / 1000}` : '';
    return `<Timeout [${this.#state}]${when}>`;
  }

  /** `async with`: runs `body` under the deadline. */
  async run<R>(body: (timeout: Timeout) => PromiseLike<R> | R): Promise<R> {
    this.#enter();
    let result: R;
    try {
      result = await body(this);
    } catch (error) {
      this.#exit(error, true);
      throw error;
    }
    this.#exit(undefined, false);
    return result;
  }

  #enter(): void {
    if (this.#state !== 'created') throw new RuntimeError('Timeout has already been entered');
    const task = currentTask();
    if (!(task instanceof Task)) throw new RuntimeError('Timeout should be used inside a task');
    this.#state = 'active';
    this.#task = task;
    this.#cancelling = task.cancelling();
    this.reschedule(this.deadline);
  }

  #exit(error: unknown, failed: boolean): void {
    this.#clear();
    if (this.#state === 'expiring') {
      this.#state = 'expired';
      if (this.#task!.uncancel() <= this.#cancelling && failed && error instanceof Error && error.name === 'CancelledError') {
        throw Object.assign(new TimeoutError(), { cause: error });
      }
    } else if (this.#state === 'active') {
      this.#state = 'finished';
    }
  }

  #onTimeout(): void {
    this.#timer = undefined;
    this.#task!.cancel();
    this.#state = 'expiring';
  }

  #clear(): void {
    const timer = this.#timer;
    this.#timer = undefined;
    if (timer === undefined) return;
    if ('cancel' in timer) timer.cancel();
    else clearImmediate(timer);
  }
}
