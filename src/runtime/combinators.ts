import type { CoroutineObject } from './coroutine.js';
import { park, removeFrom } from './current.js';
import { CancelledError, TimeoutError } from './errors.js';
import { Future } from './future.js';
import type { Awaitable, Runtime } from './runtime.js';
import type { Task, TaskBody } from './task.js';

function cancelIfFuture(work: PromiseLike<unknown>, message: string): void {
  if (work instanceof Future) work.cancel(message);
}

/**
 * asyncio.gather: runs the awaitables concurrently (coroutine objects become tasks) and resolves
 * with their results in argument order. The first failure rejects the gather (the others go on, as
 * in Python) unless `returnExceptions` is set; cancelling the gather cancels the children.
 */
export function gather<T extends readonly unknown[]>(
  runtime: Runtime,
  works: { readonly [K in keyof T]: Awaitable<T[K]> },
  options: { returnExceptions?: boolean; name?: string } = {},
): Future<T> {
  const children = works.map((w) => runtime.ensureFuture(w as Awaitable<unknown>));
  const outer = runtime.createFuture<T>(options.name ?? 'gather');
  const results = new Array<unknown>(children.length);
  let left = children.length;
  if (left === 0) outer.setResult([] as unknown as T);
  children.forEach((child, i) => {
    child.then(
      (value) => {
        results[i] = value;
        if (--left === 0 && !outer.done()) outer.setResult(results as unknown as T);
      },
      (error: unknown) => {
        if (options.returnExceptions) {
          results[i] = error;
          if (--left === 0 && !outer.done()) outer.setResult(results as unknown as T);
        } else if (!outer.done()) {
          outer.setException(error);
        }
      },
    );
  });
  outer.addDoneCallback((f) => {
    if (f.cancelled()) for (const child of children) cancelIfFuture(child, 'gather was cancelled');
  });
  return outer;
}

/**
 * asyncio.wait_for: the awaitable's result, or TimeoutError after `ms` (scaled by speed). On
 * time-out a task or future is cancelled and, as in Python, waited for: the TimeoutError comes
 * once it has unwound (its finally blocks ran); a body that swallows the cancel and returns
 * gives its result instead.
 */
export function waitFor<T>(runtime: Runtime, work: Awaitable<T>, ms: number): Promise<T> {
  const inner = runtime.ensureFuture(work);
  return new Promise<T>((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (inner instanceof Future) inner.cancel(`timed out after ${ms} ms`);
      else reject(new TimeoutError(`timed out after ${ms} ms`));
    }, runtime.clock.scale(ms));
    inner.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(timedOut && error instanceof CancelledError ? new TimeoutError(`timed out after ${ms} ms`) : error);
      },
    );
  });
}

/** asyncio.as_completed: N promises, the i-th settling like the i-th awaitable to finish. */
export function asCompleted<T>(runtime: Runtime, works: readonly Awaitable<T>[]): Promise<T>[] {
  // Promise.withResolvers is Node 22+, so keep the settlers by hand.
  const settlers: { resolve(value: T): void; reject(error: unknown): void }[] = [];
  const slots = works.map(() => new Promise<T>((resolve, reject) => settlers.push({ resolve, reject })));
  let next = 0;
  for (const work of works) {
    runtime.ensureFuture(work).then(
      (value) => settlers[next++]!.resolve(value),
      (error: unknown) => settlers[next++]!.reject(error),
    );
  }
  return slots;
}

/** asyncio.Semaphore: at most `limit` holders at once; the rest wait in arrival order. */
export class Semaphore {
  #free: number;
  readonly #waiters: ((value: void) => void)[] = [];
  constructor(readonly limit: number) {
    this.#free = limit;
  }

  get held(): number {
    return this.limit - this.#free;
  }

  get waiting(): number {
    return this.#waiters.length;
  }

  acquire(): Promise<void> {
    if (this.#free > 0) {
      this.#free--;
      return Promise.resolve();
    }
    return park<void>((wake) => {
      this.#waiters.push(wake);
      return removeFrom(this.#waiters, wake);
    });
  }

  release(): void {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#free++;
  }

  /** `async with sem:` — holds the semaphore while `fn` runs. */
  async with<T>(fn: () => PromiseLike<T> | T): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }
}

/** asyncio.Queue: put waits while full (backpressure), get waits while empty. */
export class Queue<T> {
  readonly #items: T[] = [];
  readonly #getters: ((item: T) => void)[] = [];
  readonly #putters: ((value: void) => void)[] = [];
  #unfinished = 0;
  #joiners: (() => void)[] = [];
  constructor(readonly maxsize = 0) {}

  qsize(): number {
    return this.#items.length;
  }

  full(): boolean {
    return this.maxsize > 0 && this.#items.length >= this.maxsize;
  }

  /** Producers parked on a full queue right now. */
  get blockedPutters(): number {
    return this.#putters.length;
  }

  async put(item: T): Promise<void> {
    while (this.full()) {
      await park<void>((wake) => {
        this.#putters.push(wake);
        return removeFrom(this.#putters, wake);
      });
    }
    this.#unfinished++;
    const getter = this.#getters.shift();
    if (getter) getter(item);
    else this.#items.push(item);
  }

  async get(): Promise<T> {
    if (this.#items.length > 0) {
      const item = this.#items.shift() as T;
      this.#putters.shift()?.();
      return item;
    }
    return park<T>((wake) => {
      this.#getters.push(wake);
      return removeFrom(this.#getters, wake);
    });
  }

  taskDone(): void {
    if (--this.#unfinished === 0) {
      const joiners = this.#joiners;
      this.#joiners = [];
      for (const j of joiners) j();
    }
  }

  /** Resolves when every item put has been marked done. */
  join(): Promise<void> {
    if (this.#unfinished === 0) return Promise.resolve();
    return new Promise((resolve) => this.#joiners.push(resolve));
  }
}

/** Raised by a TaskGroup when tasks in it failed (Python's ExceptionGroup). */
export class ExceptionGroup extends Error {
  override name = 'ExceptionGroup';
  constructor(
    message: string,
    readonly errors: readonly unknown[],
  ) {
    super(`${message} (${errors.length} sub-exception${errors.length === 1 ? '' : 's'})`);
  }
}

/** The handle a TaskGroup body gets. */
export interface TaskGroupHandle {
  /** A task in the group, from a coroutine object (as Python's tg.create_task) or a function. */
  createTask<T>(work: CoroutineObject<T> | TaskBody<T>, name?: string): Task<T>;
}

/**
 * asyncio.TaskGroup: `await taskGroup(runtime, async (tg) => { tg.createTask(...) })` waits for
 * every task; the first failure cancels the others and the group raises an ExceptionGroup.
 */
export async function taskGroup(runtime: Runtime, body: (tg: TaskGroupHandle) => PromiseLike<void> | void): Promise<void> {
  const tasks: Task<unknown>[] = [];
  const errors: unknown[] = [];
  const onDone = (task: Task<unknown>) =>
    task.then(undefined, (error: unknown) => {
      if (error instanceof CancelledError) return;
      errors.push(error);
      for (const other of tasks) other.cancel('a sibling in the task group failed');
    });
  const watchers: PromiseLike<unknown>[] = [];
  const handle: TaskGroupHandle = {
    createTask<T>(work: CoroutineObject<T> | TaskBody<T>, name?: string) {
      const task = runtime.createTask(work, name);
      tasks.push(task as Task<unknown>);
      watchers.push(onDone(task as Task<unknown>));
      return task;
    },
  };
  await body(handle);
  // Tasks may be added while others run, so wait until the list stops growing.
  for (let seen = 0; seen < watchers.length; ) {
    const batch = watchers.slice(seen);
    seen = watchers.length;
    await Promise.all(batch);
  }
  if (errors.length > 0) throw new ExceptionGroup('unhandled errors in a TaskGroup', errors);
}
