import { fork, type ChildProcess, type ForkOptions } from 'node:child_process';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { CoroutineObject } from '../runtime/coroutine.js';
import { CancelledError, ExceptionGroup, InvalidStateError, QueueEmpty, QueueFull, TimeoutError } from '../runtime/errors.js';
import type { BaseFuture, Future } from '../runtime/future.js';
import { gather, type GatherOptions } from '../runtime/gather.js';
import { BoundedSemaphore, Event, Lock, Semaphore } from '../runtime/locks.js';
import { trackProcess, trackWorker, type Stoppable } from '../runtime/processes.js';
import { Queue } from '../runtime/queue.js';
import type { Awaitable, Runtime } from '../runtime/runtime.js';
import { TaskGroup } from '../runtime/task-group.js';
import { isTaskAlive, type Task, type TaskBody } from '../runtime/task.js';
import { asCompleted, shield, Timeout, wait, waitFor, type WaitOptions } from '../runtime/waits.js';
import type { Lang, RunSettings } from '../settings.js';

/** asyncio's exception classes, as ctx carries them (`ctx.CancelledError`) for a module that imports nothing. */
const ERRORS = { CancelledError, TimeoutError, InvalidStateError, QueueFull, QueueEmpty, ExceptionGroup } as const;

/**
 * What a scenario's run(ctx) gets: asyncio's API, camelCase (`create_task` is `createTask`),
 * on the real Node loop; times are milliseconds, scaled by the run's speed.
 */
export interface Ctx {
  /** Aborted when the run is stopped (scenario switch, quit). */
  readonly signal: AbortSignal;
  /** Time scale: 2 means sleeps take half as long. */
  readonly speed: number;
  readonly lang: Lang;
  /** True in the dashboard, where a person can press keys; false headless. */
  readonly interactive: boolean;
  /** How many tasks a scenario that scales should start (`--scale`): 10,000 unless asked for more. */
  readonly scale: number;
  readonly CancelledError: typeof CancelledError;
  readonly TimeoutError: typeof TimeoutError;
  readonly InvalidStateError: typeof InvalidStateError;
  readonly QueueFull: typeof QueueFull;
  readonly QueueEmpty: typeof QueueEmpty;
  readonly ExceptionGroup: typeof ExceptionGroup;
  /** Real milliseconds since the run started. */
  now(): number;
  /** asyncio's loop.time(), in milliseconds: the clock deadlines (`timeout`) are given on. */
  time(): number;
  /** asyncio.sleep; `sleep(0)` yields one iteration of the loop. */
  sleep<T = void>(ms: number, value?: T): BaseFuture<T>;
  /** time.sleep: really blocks the thread; returns the milliseconds it took. */
  blockFor(ms: number): number;
  createFuture<T = unknown>(name?: string): Future<T>;
  createTask<T>(work: CoroutineObject<T> | TaskBody<T>, name?: string): Task<T>;
  createTask<T>(name: string, work: CoroutineObject<T> | TaskBody<T>): Task<T>;
  coroutine<A extends unknown[], T>(fn: (...args: A) => PromiseLike<T> | T, name?: string): (...args: A) => CoroutineObject<T>;
  /** asyncio.current_task(): the task running this code, or null outside any. */
  currentTask(): Task<unknown> | null;
  /** asyncio.all_tasks(): the run's tasks not done yet. */
  allTasks(): Set<Task<unknown>>;
  /** asyncio.gather; a last argument `{ returnExceptions: true }` is return_exceptions=True. */
  gather<T extends readonly unknown[]>(...works: { readonly [K in keyof T]: Awaitable<T[K]> }): Future<T>;
  gather(...works: [...Awaitable<unknown>[], GatherOptions]): Future<unknown[]>;
  /** gather with return_exceptions=True. */
  gatherSettled(...works: Awaitable<unknown>[]): Future<unknown[]>;
  /** asyncio.wait_for: `null` waits for ever. */
  waitFor<T>(work: Awaitable<T>, ms: number | null): Promise<T>;
  /** asyncio.wait: the done and the pending, as two sets. */
  wait<F extends BaseFuture<unknown>>(works: Iterable<F>, options?: WaitOptions): Promise<[Set<F>, Set<F>]>;
  /** asyncio.as_completed: awaitables in the order the inputs finish. */
  asCompleted<T>(works: Iterable<Awaitable<T>>, options?: { timeout?: number | null }): PromiseLike<T>[];
  /** asyncio.shield: cancelling the result does not cancel the work. */
  shield<T>(work: Awaitable<T>): BaseFuture<T>;
  /** `async with asyncio.timeout(ms) as cm:` around `body` (`null`: no deadline). */
  timeout<R>(ms: number | null, body: (cm: Timeout) => PromiseLike<R> | R): Promise<R>;
  /** `async with asyncio.timeout_at(when) as cm:`, `when` on the clock of time(). */
  timeoutAt<R>(when: number | null, body: (cm: Timeout) => PromiseLike<R> | R): Promise<R>;
  /** `async with asyncio.TaskGroup() as tg:` around `body`. */
  taskGroup(body: (tg: TaskGroup) => PromiseLike<void> | void): Promise<void>;
  semaphore(value?: number): Semaphore;
  boundedSemaphore(value?: number): BoundedSemaphore;
  lock(): Lock;
  event(): Event;
  queue<T>(maxsize?: number): Queue<T>;
  /** Marks a point in the code; in step mode the run waits here for the next key. */
  step(label: string): Promise<void> | undefined;
  /** A worker thread tracked as an entity and terminated when the run stops. */
  worker(source: string | URL, options?: WorkerOptions & { name?: string }): Worker;
  /** A child process (child_process.fork) tracked as an entity and killed when the run stops. */
  fork(modulePath: string | URL, args?: readonly string[], options?: ForkOptions & { name?: string }): ChildProcess;
}

/** What the runner lends the context. */
export interface ContextHost {
  readonly runtime: Runtime;
  readonly signal: AbortSignal;
  readonly settings: RunSettings;
  step(label: string): Promise<void> | undefined;
  adopt(resource: Stoppable): void;
}

/** A gather's arguments: the awaitables, and its options when the last one is a plain object. */
function gatherArgs(args: readonly unknown[]): [Awaitable<unknown>[], GatherOptions] {
  const last = args[args.length - 1];
  const isOptions = typeof last === 'object' && last !== null && typeof (last as { then?: unknown }).then !== 'function' && Object.getPrototypeOf(last) === Object.prototype;
  return isOptions ? [args.slice(0, -1) as Awaitable<unknown>[], last as GatherOptions] : [args as Awaitable<unknown>[], {}];
}

export function createContext(host: ContextHost): Ctx {
  const { runtime } = host;
  const clock = runtime.clock;
  const tracker = runtime.tracker;
  return {
    ...ERRORS,
    signal: host.signal,
    get speed() {
      return clock.speed;
    },
    lang: host.settings.lang,
    interactive: host.settings.interactive,
    scale: host.settings.scale,
    now: () => tracker.now(),
    time: () => clock.time(),
    sleep: (ms, value) => clock.sleep(ms, value),
    blockFor: (ms) => clock.blockFor(ms),
    // Each maker notes where the program called it: the detail view's "made at".
    createFuture: function createFuture(name) {
      return tracker.noteSite(runtime.createFuture(name), createFuture);
    },
    createTask: function createTask(a: never, b: never) {
      return tracker.noteSite(runtime.createTask(a, b), createTask);
    } as Ctx['createTask'],
    coroutine: (fn, name) => {
      const make = runtime.coroutine(fn, name);
      return function coroutine(...args) {
        return tracker.noteSite(make(...args), coroutine);
      };
    },
    currentTask: () => runtime.currentTask(),
    allTasks: () => new Set(tracker.unsettled().flatMap((rec) => (isTaskAlive(rec.handle) ? [rec.handle] : []))),
    gather: function gatherOf(...args: unknown[]) {
      return tracker.noteSite(gather(runtime, ...gatherArgs(args)), gatherOf);
    } as Ctx['gather'],
    gatherSettled: function gatherSettled(...works) {
      return tracker.noteSite(gather(runtime, works, { returnExceptions: true }), gatherSettled);
    },
    waitFor: (work, ms) => waitFor(runtime, work, ms),
    wait: (works, options) => wait(runtime, works, options),
    asCompleted: (works, options) => asCompleted(runtime, works, options),
    shield: (work) => shield(runtime, work),
    timeout: (ms, body) => new Timeout(runtime, ms === null ? null : clock.time() + ms).run(body),
    timeoutAt: (when, body) => new Timeout(runtime, when).run(body),
    taskGroup: (body) => new TaskGroup(runtime).run(body),
    semaphore: (value) => new Semaphore(value),
    boundedSemaphore: (value) => new BoundedSemaphore(value),
    lock: () => new Lock(),
    event: () => new Event(),
    queue: (maxsize) => new Queue(maxsize),
    step: (label) => host.step(label),
    worker(source, options = {}) {
      const { name, ...rest } = options;
      const worker = new Worker(source, rest);
      host.adopt(trackWorker(tracker, worker, name, runtime.parent()));
      return worker;
    },
    fork(modulePath, args = [], options = {}) {
      const { name, ...rest } = options;
      const child = fork(modulePath, [...args], rest);
      host.adopt(trackProcess(tracker, child, name, runtime.parent()));
      return child;
    },
  };
}
