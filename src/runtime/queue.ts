import { QueueEmpty, QueueFull, ValueError } from './errors.js';
import { BaseFuture } from './future.js';
import { Event } from './locks.js';
import { pyRepr } from './repr.js';

/** Removes one waiter from a list, if it is there. */
function remove<T>(list: T[], item: T): void {
  const at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}

/** Wakes the first waiter not already done: asyncio's _wakeup_next. */
function wakeupNext(waiters: BaseFuture<void>[]): void {
  while (waiters.length > 0) {
    const waiter = waiters.shift()!;
    if (!waiter.done()) {
      waiter.setResult();
      return;
    }
  }
}

/**
 * asyncio.Queue (Python 3.11), line for line: put waits while full (backpressure), get waits while
 * empty, each wait a future of the runtime's own that a cancel reaches; join waits until every
 * item put has been marked done.
 */
export class Queue<T> {
  readonly #items: T[] = [];
  readonly #getters: BaseFuture<void>[] = [];
  readonly #putters: BaseFuture<void>[] = [];
  #unfinished = 0;
  readonly #finished = new Event();

  constructor(readonly maxsize = 0) {
    this.#finished.set();
  }

  qsize(): number {
    return this.#items.length;
  }

  empty(): boolean {
    return this.#items.length === 0;
  }

  full(): boolean {
    return this.maxsize > 0 && this.#items.length >= this.maxsize;
  }

  /** Producers parked on a full queue right now (not in asyncio: len(q._putters)). */
  get blockedPutters(): number {
    return this.#putters.length;
  }

  async put(item: T): Promise<void> {
    while (this.full()) {
      const putter = new BaseFuture<void>();
      this.#putters.push(putter);
      try {
        await putter;
      } catch (error) {
        putter.cancel();
        remove(this.#putters, putter);
        if (!this.full() && !putter.cancelled()) wakeupNext(this.#putters);
        throw error;
      }
    }
    this.putNowait(item);
  }

  putNowait(item: T): void {
    if (this.full()) throw new QueueFull();
    this.#items.push(item);
    this.#unfinished++;
    this.#finished.clear();
    wakeupNext(this.#getters);
  }

  async get(): Promise<T> {
    while (this.empty()) {
      const getter = new BaseFuture<void>();
      this.#getters.push(getter);
      try {
        await getter;
      } catch (error) {
        getter.cancel();
        remove(this.#getters, getter);
        if (!this.empty() && !getter.cancelled()) wakeupNext(this.#getters);
        throw error;
      }
    }
    return this.getNowait();
  }

  getNowait(): T {
    if (this.empty()) throw new QueueEmpty();
    const item = this.#items.shift() as T;
    wakeupNext(this.#putters);
    return item;
  }

  taskDone(): void {
    if (this.#unfinished <= 0) throw new ValueError('task_done() called too many times');
    this.#unfinished--;
    if (this.#unfinished === 0) this.#finished.set();
  }

  /** Resolves when every item put has been marked done. */
  async join(): Promise<void> {
    if (this.#unfinished > 0) await this.#finished.wait();
  }

  /** str(queue): `<Queue maxsize=3 _queue=['a'] _getters[1] tasks=1>`. */
  repr(): string {
    let info = `maxsize=${this.maxsize}`;
    if (this.#items.length > 0) info += ` _queue=${pyRepr(this.#items)}`;
    if (this.#getters.length > 0) info += ` _getters[${this.#getters.length}]`;
    if (this.#putters.length > 0) info += ` _putters[${this.#putters.length}]`;
    if (this.#unfinished > 0) info += ` tasks=${this.#unfinished}`;
    return `<Queue ${info}>`;
  }
}
