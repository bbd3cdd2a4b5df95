import { currentTask, setCurrentTask, type Resumable, type Waiter } from './current.js';
import { CancelledError } from './errors.js';
import { Future, type TrackOptions } from './future.js';
import type { Tracker } from './tracker.js';

/** The body a task drives: an async function, given the task's AbortSignal if it asks for one. */
export type TaskBody<T> = (signal: AbortSignal) => PromiseLike<T> | T;

export interface TaskOptions extends TrackOptions {
  /** Name of the coroutine function the task wraps, for repr and panels. */
  readonly coro?: string;
  /** Start at once instead of on the creator's next yield (only the runner's root task does). */
  readonly eager?: boolean;
}

/**
 * asyncio's Task: a Future that drives an async function. Creating one schedules it; it starts
 * when the creator yields, so a task printed right after creation is pending.
 */
export class Task<T = unknown> extends Future<T> implements Resumable {
  #body: TaskBody<T> | undefined;
  readonly #coro: string;
  #controller: AbortController | undefined;
  #cancelMessage: string | undefined;
  #cancelPending = false;
  #cancelRequested = false;
  #waitingOn: Waiter | undefined;

  constructor(tracker: Tracker, body: TaskBody<T>, options: TaskOptions = {}) {
    const coro = options.coro ?? (body.name || 'anonymous');
    super(tracker, options, 'task', coro);
    this.#body = body;
    this.#coro = coro;
    if (options.eager) this.#start();
    else queueMicrotask(() => this.#start());
  }

  /** Aborted when the task is cancelled, for APIs that take a signal (fetch, timers/promises, streams). */
  get signal(): AbortSignal {
    return (this.#controller ??= new AbortController()).signal;
  }

  get cancelPending(): boolean {
    return this.#cancelPending;
  }

  /** True once cancel() was asked, even if the body chose to finish anyway. */
  cancelling(): boolean {
    return this.#cancelRequested;
  }

  /**
   * Asks the task to stop: its current runtime await (or its next one) rejects with CancelledError
   * and its signal aborts. A task that has not started yet is cancelled at once.
   */
  override cancel(message?: string): boolean {
    if (this.done()) return false;
    if (this.#body !== undefined) return super.cancel(message);
    this.#cancelRequested = true;
    this.#cancelMessage = message;
    const error = new CancelledError(message);
    this.#controller?.abort(error);
    const waiter = this.#waitingOn;
    if (waiter) {
      this.#waitingOn = undefined;
      waiter.interrupt(error);
    } else {
      this.#cancelPending = true;
    }
    return true;
  }

  /** Gives up on a task whose body ignored cancellation: it is reported cancelled and left suspended. */
  abandon(reason: string): void {
    if (!this.done()) this.settleCancelled(new CancelledError(reason));
  }

  takeCancel(): Error {
    this.#cancelPending = false;
    return new CancelledError(this.#cancelMessage);
  }

  suspendOn(waiter: Waiter): void {
    this.#waitingOn = waiter;
  }

  resume(): void {
    this.#waitingOn = undefined;
    if (this.done()) return;
    this.tracker.setState(this.record, 'running');
    setCurrentTask(this);
    // The continuation was queued just before this microtask, so it runs first; then we know
    // the task has yielded again (or finished).
    queueMicrotask(() => {
      if (currentTask() === this) setCurrentTask(undefined);
      if (!this.done()) this.tracker.setState(this.record, 'waiting');
    });
  }

  protected override reprName(): string {
    return 'Task';
  }

  protected override reprBody(): string {
    return ` name=${JSON.stringify(this.name).replace(/^"|"$/g, "'")} coro=<${this.#coro}()>`;
  }

  #start(): void {
    const body = this.#body;
    if (body === undefined || this.done()) return;
    this.#body = undefined;
    this.tracker.setState(this.record, 'running');
    const previous = setCurrentTask(this);
    let result: PromiseLike<T> | T;
    try {
      result = body.length > 0 ? body(this.signal) : (body as () => PromiseLike<T> | T)();
      // A lazy coroutine object (`() => coro()`) only starts inside then(): keep this task current
      // until then, so the coroutine's awaits belong to it and a cancel can reach them.
      if (isThenable(result)) {
        result.then(
          (value) => this.#succeed(value),
          (error: unknown) => this.#fail(error),
        );
      }
    } catch (error) {
      setCurrentTask(previous);
      this.#fail(error);
      return;
    }
    setCurrentTask(previous);
    if (!isThenable(result)) this.#succeed(result);
    else if (!this.done()) this.tracker.setState(this.record, 'waiting');
  }

  #succeed(value: T): void {
    if (!this.done()) this.settleResolved(value);
  }

  #fail(error: unknown): void {
    if (this.done()) return;
    if (isCancellation(error)) {
      this.settleCancelled(error instanceof CancelledError ? error : new CancelledError(this.#cancelMessage));
    } else {
      this.settleRejected(error);
    }
  }
}

function isThenable<T>(value: PromiseLike<T> | T): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** CancelledError, or the AbortError a signal-aware API throws when the task's signal aborts. */
export function isCancellation(error: unknown): boolean {
  return error instanceof CancelledError || (error instanceof Error && error.name === 'AbortError');
}
