import { fork, type ChildProcess, type ForkOptions } from 'node:child_process';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { asCompleted, gather, Queue, Semaphore, taskGroup, waitFor, type TaskGroupHandle } from '../runtime/combinators.js';
import type { CoroutineObject } from '../runtime/coroutine.js';
import type { Future } from '../runtime/future.js';
import { trackProcess, trackWorker, type Stoppable } from '../runtime/processes.js';
import type { Awaitable, Runtime } from '../runtime/runtime.js';
import type { Task, TaskBody } from '../runtime/task.js';
import type { Lang, RunSettings } from '../settings.js';

/** What a scenario's run(ctx) gets: the runtime's public face. */
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
  /** Real milliseconds since the run started. */
  now(): number;
  sleep<T = void>(ms: number, value?: T): Promise<T>;
  blockFor(ms: number): number;
  createFuture<T = unknown>(name?: string): Future<T>;
  createTask<T>(work: CoroutineObject<T> | TaskBody<T>, name?: string): Task<T>;
  createTask<T>(name: string, work: CoroutineObject<T> | TaskBody<T>): Task<T>;
  coroutine<A extends unknown[], T>(fn: (...args: A) => PromiseLike<T> | T, name?: string): (...args: A) => CoroutineObject<T>;
  gather<T extends readonly unknown[]>(
    ...works: { readonly [K in keyof T]: Awaitable<T[K]> }
  ): Future<T>;
  gatherSettled(...works: Awaitable<unknown>[]): Future<unknown[]>;
  waitFor<T>(work: Awaitable<T>, ms: number): Promise<T>;
  asCompleted<T>(works: readonly Awaitable<T>[]): Promise<T>[];
  taskGroup(body: (tg: TaskGroupHandle) => PromiseLike<void> | void): Promise<void>;
  semaphore(limit: number): Semaphore;
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

export function createContext(host: ContextHost): Ctx {
  const { runtime } = host;
  const clock = runtime.clock;
  const tracker = runtime.tracker;
  return {
    signal: host.signal,
    get speed() {
      return clock.speed;
    },
    lang: host.settings.lang,
    interactive: host.settings.interactive,
    scale: host.settings.scale,
    now: () => tracker.now(),
    sleep: (ms, value) => clock.sleep(ms, value),
    blockFor: (ms) => clock.blockFor(ms),
    createFuture: (name) => runtime.createFuture(name),
    createTask: ((a: never, b: never) => runtime.createTask(a, b)) as Ctx['createTask'],
    coroutine: (fn, name) => runtime.coroutine(fn, name),
    gather: (...works) => gather(runtime, works),
    gatherSettled: (...works) => gather(runtime, works, { returnExceptions: true }),
    waitFor: (work, ms) => waitFor(runtime, work, ms),
    asCompleted: (works) => asCompleted(runtime, works),
    taskGroup: (body) => taskGroup(runtime, body),
    semaphore: (limit) => new Semaphore(limit),
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
