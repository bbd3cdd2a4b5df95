import { currentTask, setCurrentTask, type Resumable, type Waiter } from './current.js';
import { CancelledError } from './errors.js';
import { Future, type TrackOptions } from './future.js';
import { queueMicrotaskWith } from './microtask.js';
import type { Tracker } from './tracker.js';

/** The body a task drives: an async function, given the task's AbortSignal if it asks for one. */
export type TaskBody<T> = (signal: AbortSignal) => PromiseLike<T> | T;

export interface TaskOptions extends TrackOptions {
  /** Name of the coroutine function the task wraps, for repr and panels. */
  readonly coro?: string;
  /** Start at once instead of on the creator's next yield (only the runner's root task does). */
  readonly eager?: boolean;
}

/** Where a task is with cancellation: never asked, asked and not yet delivered at an await, delivered. */
const NOT_CANCELLED = 0;
const CANCEL_PENDING = 1;
const CANCEL_DELIVERED = 2;

/**
 * asyncio's Task: a Future that drives an async function. Creating one schedules it; it starts
 * when the creator yields, so a task printed right after creation is pending.
 */
export class Task<T = unknown> extends Future<T> implements Resumable {
  #body: TaskBody<T> | undefined;
  #controller: AbortController | undefined = undefined;
  #cancelMessage: string | undefined = undefined;
  #cancel = NOT_CANCELLED;
  #waitingOn: Waiter | undefined = undefined;
  /** The promise the body's completion settles (made when it starts), and whether it was handed out. */
  #completion: Promise<T> | undefined = undefined;
  #shared = false;

  constructor(tracker: Tracker, body: TaskBody<T>, options: TaskOptions = {}) {
    // The coroutine's name is the record's detail: the task keeps no copy.
    super(tracker, options, 'task', options.coro ?? (body.name || 'anonymous'));
    this.#body = body;
    if (options.eager) this.#start();
    else queueMicrotaskWith(Task.#begin, this);
  }

  static #begin<U>(task: Task<U>): void {
    task.#start();
  }

  static #yielded<U>(task: Task<U>): void {
    if (currentTask() === task) setCurrentTask(undefined);
    if (!task.done()) task.tracker.setState(task.record, 'waiting');
  }

  /** Aborted when the task is cancelled, for APIs that take a signal (fetch, timers/promises, streams). */
  get signal(): AbortSignal {
    return (this.#controller ??= new AbortController()).signal;
  }

  get cancelPending(): boolean {
    return this.#cancel === CANCEL_PENDING;
  }

  /** True once cancel() was asked, even if the body chose to finish anyway. */
  cancelling(): boolean {
    return this.#cancel !== NOT_CANCELLED;
  }

  /**
   * Asks the task to stop: its current runtime await (or its next one) rejects with CancelledError
   * and its signal aborts. A task that has not started yet is cancelled at once.
   */
  override cancel(message?: string): boolean {
    if (this.done()) return false;
    if (this.#body !== undefined) return super.cancel(message);
    this.#cancelMessage = message;
    const error = new CancelledError(message);
    this.#controller?.abort(error);
    const waiter = this.#waitingOn;
    if (waiter) {
      this.#cancel = CANCEL_DELIVERED;
      this.#waitingOn = undefined;
      waiter.interrupt(error);
    } else {
      this.#cancel = CANCEL_PENDING;
    }
    return true;
  }

  /**
   * Gives up on a task whose body ignored cancellation: it is reported cancelled and left
   * suspended. Whoever awaits it from now on gets CancelledError; whoever was already awaiting it
   * waits with the body, and gets CancelledError too if the body ever finishes.
   */
  abandon(reason: string): void {
    if (this.done()) return;
    // The body's completion was handed out: it settles only if the body ever ends.
    if (this.#shared) this.forgetPromise();
    this.settleCancelled(new CancelledError(reason));
  }

  takeCancel(): Error {
    this.#cancel = CANCEL_DELIVERED;
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
    queueMicrotaskWith(Task.#yielded, this);
  }

  protected override pendingPromise(): Promise<T> | undefined {
    if (this.#completion !== undefined) this.#shared = true;
    return this.#completion;
  }

  protected override reprName(): string {
    return 'Task';
  }

  protected override reprBody(): string {
    return ` name=${JSON.stringify(this.name).replace(/^"|"$/g, "'")} coro=<${this.record.detail}()>`;
  }

  #start(): void {
    const body = this.#body;
    if (body === undefined || this.done()) return;
    this.#body = undefined;
    this.tracker.setState(this.record, 'running');
    const previous = setCurrentTask(this);
    let result: PromiseLike<T> | T;
    let thenable: boolean;
    try {
      result = body.length > 0 ? body(this.signal) : (body as () => PromiseLike<T> | T)();
      thenable = isThenable(result);
      // A lazy coroutine object (`() => coro()`) only starts inside then(): keep this task current
      // until then, so the coroutine's awaits belong to it and a cancel can reach them.
      if (thenable) {
        // The promise this makes settles as the task does: awaiting the task chains on it, with no
        // second promise to keep.
        const completion = (result as PromiseLike<T>).then(this.#bodyReturned.bind(this), this.#bodyThrew.bind(this));
        if (completion instanceof Promise) this.#completion = completion;
      }
    } catch (error) {
      setCurrentTask(previous);
      this.#fail(error);
      return;
    }
    setCurrentTask(previous);
    if (!thenable) this.#succeed(result as T);
    else if (!this.done()) this.tracker.setState(this.record, 'waiting');
  }

  #succeed(value: T): void {
    if (!this.done()) this.settleResolved(value);
  }

  #bodyReturned(value: T): T {
    this.#succeed(value);
    return this.#completionOutcome();
  }

  #bodyThrew(error: unknown): T {
    this.#fail(error);
    return this.#completionOutcome();
  }

  /**
   * What the body's completion promise settles with: the task's own outcome (an abandoned task
   * stays cancelled whatever its body did later). Unshared, it resolves quietly: a rejection
   * nobody can see would be reported as unhandled.
   */
  #completionOutcome(): T {
    if (this.#shared) return this.result();
    // Nobody holds it, and a settled task makes a settled promise when asked: let it go.
    this.#completion = undefined;
    return undefined as T;
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
