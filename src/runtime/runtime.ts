import { Clock } from './clock.js';
import { CoroutineObject } from './coroutine.js';
import { currentTask } from './current.js';
import { Future } from './future.js';
import { Task, type TaskBody } from './task.js';
import type { Tracker } from './tracker.js';

/** Anything a runtime combinator can wait on. */
export type Awaitable<T> = PromiseLike<T> | CoroutineObject<T>;

/**
 * The factory of tracked awaitables for one run: every Future, Task and coroutine it makes is an
 * entity of its tracker, nested under the task that was running when it was made.
 */
export class Runtime {
  readonly clock: Clock;
  constructor(
    readonly tracker: Tracker,
    speed = 1,
  ) {
    this.clock = new Clock(tracker, speed);
  }

  /** Public id of the task executing now, as the parent of what it creates. */
  parent(): string | undefined {
    const task = currentTask();
    return task instanceof Task ? task.record.id : undefined;
  }

  createFuture<T = unknown>(name?: string): Future<T> {
    return new Future<T>(this.tracker, { name, parent: this.parent() });
  }

  /**
   * asyncio.create_task. Takes a coroutine object (as Python does), or a function, optionally
   * after a name: `createTask(coro)`, `createTask(fn)`, `createTask('fetch', fn)`.
   */
  createTask<T>(work: CoroutineObject<T> | TaskBody<T>, name?: string): Task<T>;
  createTask<T>(name: string, work: CoroutineObject<T> | TaskBody<T>): Task<T>;
  createTask<T>(a: string | CoroutineObject<T> | TaskBody<T>, b?: string | CoroutineObject<T> | TaskBody<T>): Task<T> {
    const named = typeof a === 'string';
    const name = named ? a : (b as string | undefined);
    const work = named ? (b as CoroutineObject<T> | TaskBody<T>) : a;
    const parent = this.parent();
    if (work instanceof CoroutineObject) {
      return new Task<T>(this.tracker, () => work.start(), { name, parent, coro: work.name });
    }
    if (typeof work !== 'function') throw new TypeError('createTask needs a coroutine object or a function');
    return new Task<T>(this.tracker, work, { name, parent });
  }

  /** Turns an async function into a coroutine function: calling it makes a lazy coroutine object. */
  coroutine<A extends unknown[], T>(
    fn: (...args: A) => PromiseLike<T> | T,
    name = fn.name || 'coroutine',
  ): (...args: A) => CoroutineObject<T> {
    return (...args: A) => new CoroutineObject<T>(this.tracker, name, () => fn(...args), this.parent());
  }

  /** A task for a coroutine object, the awaitable itself otherwise: what gather and friends wait on. */
  ensureFuture<T>(work: Awaitable<T>): PromiseLike<T> {
    return work instanceof CoroutineObject ? this.createTask(work) : work;
  }
}
