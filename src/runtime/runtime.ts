import { Clock } from './clock.js';
import { CoroutineObject } from './coroutine.js';
import { BaseFuture, Future } from './future.js';
import { currentTask } from './loop.js';
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

  /** asyncio.current_task(): the task whose code is running, or null outside any. */
  currentTask(): Task<unknown> | null {
    const task = currentTask();
    return task instanceof Task ? task : null;
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
      const task = new Task<T>(this.tracker, () => work.start(), { name, parent, coro: work.name, coroutine: work });
      // A task made of a coroutine object was made where that object was (asyncio's pstree says so too).
      const site = work.record.more?.site;
      if (site !== undefined) this.tracker.site(task.record, site);
      return task;
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

  /**
   * asyncio.ensure_future: a future as it is, a task for a coroutine object, and a task that awaits
   * it for any other awaitable (a plain promise), so every combinator waits on futures alone.
   */
  ensureFuture<T>(work: Awaitable<T>): BaseFuture<T> {
    if (work instanceof BaseFuture) return work;
    if (work instanceof CoroutineObject) return this.createTask(work);
    if (typeof (work as { then?: unknown } | null)?.then !== 'function') throw new TypeError('An asyncio.Future, a coroutine or an awaitable is required');
    return new Task<T>(this.tracker, async function _wrap_awaitable() {
      return await work;
    }, { parent: this.parent() });
  }
}
