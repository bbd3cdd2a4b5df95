import { CancelledError, RuntimeError, ValueError } from './errors.js';
import { BaseFuture } from './future.js';

// asyncio's locks (Python 3.11), line for line: each wait is a future of the runtime's own, so a
// cancel of the task waiting on it arrives there, and the fairness rules are Python's.

/** Removes one waiter from a list (its finally after the wait). */
function remove<T>(list: T[], item: T): void {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}

/** `<asyncio.locks.Lock object [locked, waiters:2]>`, as Python prints one (its address aside). */
function lockRepr(kind: string, extra: string, waiters: number): string {
  return `<asyncio.locks.${kind} object [${waiters > 0 ? `${extra}, waiters:${waiters}` : extra}]>`;
}

/** Runs `fn` holding `lock`: `async with lock:`. */
async function holding<T>(lock: { acquire(): Promise<boolean>; release(): void }, fn: () => PromiseLike<T> | T): Promise<T> {
  await lock.acquire();
  try {
    return await fn();
  } finally {
    lock.release();
  }
}

/** asyncio.Lock: one holder at a time; waiters get it in the order they came. */
export class Lock {
  readonly #waiters: BaseFuture<boolean>[] = [];
  #locked = false;

  locked(): boolean {
    return this.#locked;
  }

  async acquire(): Promise<boolean> {
    if (!this.#locked && this.#waiters.every((w) => w.cancelled())) {
      this.#locked = true;
      return true;
    }
    const fut = new BaseFuture<boolean>();
    this.#waiters.push(fut);
    try {
      try {
        await fut;
      } finally {
        remove(this.#waiters, fut);
      }
    } catch (error) {
      if (error instanceof CancelledError && !this.#locked) this.#wakeUpFirst();
      throw error;
    }
    this.#locked = true;
    return true;
  }

  release(): void {
    if (!this.#locked) throw new RuntimeError('Lock is not acquired.');
    this.#locked = false;
    this.#wakeUpFirst();
  }

  /** `async with lock:` */
  with<T>(fn: () => PromiseLike<T> | T): Promise<T> {
    return holding(this, fn);
  }

  repr(): string {
    return lockRepr('Lock', this.#locked ? 'locked' : 'unlocked', this.#waiters.length);
  }

  #wakeUpFirst(): void {
    const first = this.#waiters[0];
    if (first && !first.done()) first.setResult(true);
  }
}

/** asyncio.Event: wait() blocks until set(); clear() makes later waits block again. */
export class Event {
  readonly #waiters: BaseFuture<boolean>[] = [];
  #value = false;

  isSet(): boolean {
    return this.#value;
  }

  set(): void {
    if (this.#value) return;
    this.#value = true;
    for (const fut of this.#waiters) if (!fut.done()) fut.setResult(true);
  }

  clear(): void {
    this.#value = false;
  }

  async wait(): Promise<true> {
    if (this.#value) return true;
    const fut = new BaseFuture<boolean>();
    this.#waiters.push(fut);
    try {
      await fut;
      return true;
    } finally {
      remove(this.#waiters, fut);
    }
  }

  repr(): string {
    return lockRepr('Event', this.#value ? 'set' : 'unset', this.#waiters.length);
  }
}

/** asyncio.Semaphore: at most `value` holders at once; the rest wait in arrival order. */
export class Semaphore {
  protected value: number;
  readonly #initial: number;
  readonly #waiters: BaseFuture<boolean>[] = [];

  constructor(value = 1) {
    if (value < 0) throw new ValueError('Semaphore initial value must be >= 0');
    this.value = value;
    this.#initial = value;
  }

  /** True if acquire() would have to wait. */
  locked(): boolean {
    return this.value === 0 || this.#waiters.some((w) => !w.cancelled());
  }

  /** Holders right now, for a scenario's print (not in asyncio). */
  get held(): number {
    return Math.max(0, this.#initial - this.value);
  }

  /** Tasks waiting to acquire it (not in asyncio: len(sem._waiters)). */
  get waiting(): number {
    return this.#waiters.length;
  }

  async acquire(): Promise<boolean> {
    if (!this.locked()) {
      this.value--;
      return true;
    }
    const fut = new BaseFuture<boolean>();
    this.#waiters.push(fut);
    try {
      try {
        await fut;
      } finally {
        remove(this.#waiters, fut);
      }
    } catch (error) {
      if (error instanceof CancelledError && !fut.cancelled()) {
        this.value++;
        this.#wakeUpNext();
      }
      throw error;
    }
    if (this.value > 0) this.#wakeUpNext();
    return true;
  }

  release(): void {
    this.value++;
    this.#wakeUpNext();
  }

  /** `async with sem:` — holds the semaphore while `fn` runs. */
  with<T>(fn: () => PromiseLike<T> | T): Promise<T> {
    return holding(this, fn);
  }

  repr(): string {
    return lockRepr(this.constructor.name, this.locked() ? 'locked' : `unlocked, value:${this.value}`, this.#waiters.length);
  }

  #wakeUpNext(): void {
    for (const fut of this.#waiters) {
      if (!fut.done()) {
        this.value--;
        fut.setResult(true);
        return;
      }
    }
  }
}

/** asyncio.BoundedSemaphore: a release beyond the starting value is a ValueError. */
export class BoundedSemaphore extends Semaphore {
  readonly #bound: number;

  constructor(value = 1) {
    super(value);
    this.#bound = value;
  }

  override release(): void {
    if (this.value >= this.#bound) throw new ValueError('BoundedSemaphore released too many times');
    super.release();
  }
}
