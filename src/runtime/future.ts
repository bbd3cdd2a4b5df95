import { CancelledError, InvalidStateError } from './errors.js';
import { callSoon, callSoonAsStep, currentTask, runningStep, type LoopTask } from './loop.js';
import { queueMicrotaskWith } from './microtask.js';
import { pyReprLimited } from './repr.js';
import type { Kind } from './states.js';
import type { EntityRecord, Tracker } from './tracker.js';

const PENDING = 0;
const RESOLVED = 1;
const REJECTED = 2;
const CANCELLED = 3;

/** A promise's then(), as a future hands it out. */
export type Then<T> = <R1 = T, R2 = never>(
  onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
  onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
) => Promise<R1 | R2>;

/** A done callback: called with the future, on the ready queue, once it is done. */
export type DoneCallback<T> = (future: BaseFuture<T>) => void;

/** Options shared by every tracked awaitable. */
export interface TrackOptions {
  readonly name?: string;
  /** Public id of the creating task, shown as nesting. */
  readonly parent?: string;
}

/**
 * One `then()` on a future (an `await` is one): its handlers, the promise then() returned, and the
 * task that awaits, whose wake-up it is.
 */
class Reaction {
  constructor(
    readonly source: BaseFuture<unknown>,
    readonly onFulfilled: ((value: unknown) => unknown) | null | undefined,
    readonly onRejected: ((reason: unknown) => unknown) | null | undefined,
    readonly resolve: (value: unknown) => void,
    readonly reject: (reason: unknown) => void,
    readonly task: LoopTask | undefined,
  ) {}
}

/** Runs a reaction's handler for `outcome`, settling the promise its then() returned. */
function react(r: Reaction, ok: boolean, outcome: unknown): void {
  const handler = ok ? r.onFulfilled : r.onRejected;
  if (typeof handler !== 'function') {
    (ok ? r.resolve : r.reject)(outcome);
    return;
  }
  try {
    r.resolve(handler(outcome));
  } catch (error) {
    r.reject(error);
  }
}

/** A reaction on the ready queue: the awaiting task wakes with the outcome, or with a cancel it was due. */
function wake(r: Reaction): void {
  const cancel = r.task?.wakes();
  if (cancel) react(r, false, cancel);
  else r.source.reactNow(r);
}

/** A reaction to a future that was already done: a promise job, so the await does not yield to the loop. */
function reactLater(r: Reaction): void {
  r.source.reactNow(r);
}

/**
 * The task found when a future's `then` was read outside a step, until the then() call that
 * follows (see BaseFuture's then): rare, so kept here rather than in every future.
 */
const readers = new WeakMap<BaseFuture<unknown>, LoopTask>();

/** Shown futures that failed and whose error nobody has read yet (asyncio's __log_traceback). */
const unread = new WeakSet<BaseFuture<unknown>>();

/** True when `future` failed and nobody read its error: "exception was never retrieved". */
export function errorNeverRead(future: BaseFuture<unknown>): boolean {
  return unread.has(future);
}

// One shared executor: then() makes a promise per call without a closure per call.
let capturedResolve: (value: unknown) => void = () => undefined;
let capturedReject: (reason: unknown) => void = () => undefined;
type Executor<T> = (resolve: (value: T | PromiseLike<T>) => void, reject: (reason?: unknown) => void) => void;
function capture(resolve: (value: unknown) => void, reject: (reason: unknown) => void): void {
  capturedResolve = resolve;
  capturedReject = reject;
}

/**
 * asyncio's Future on Node: pending until someone sets a result or an exception, or cancels it.
 * Awaitable. Done callbacks, and the wake-up of a task that awaits it, go through the ready queue
 * in the order they were added (asyncio's call_soon); an await of a future that is already done
 * does not yield to the loop. A task awaiting it is suspended on it: cancelling the task cancels it.
 * This one is the runtime's own (a sleep, a queue's waiter) and is not shown; Future is.
 */
export class BaseFuture<T = unknown> implements PromiseLike<T> {
  #state = PENDING;
  /** The result (resolved), the error (rejected), or the CancelledError a task's body ended with. */
  #outcome: unknown = undefined;
  /** asyncio's _cancel_message: what cancel() was given, for the CancelledError made when asked. */
  #cancelMessage: string | undefined = undefined;
  /** Done callbacks and reactions, in the order they came (a callback's own type does not matter here). */
  #callbacks: (Reaction | ((future: never) => void))[] | undefined;

  get name(): string {
    return 'Future';
  }

  done(): boolean {
    return this.#state !== PENDING;
  }

  cancelled(): boolean {
    return this.#state === CANCELLED;
  }

  setResult(value: T): void {
    this.assertPending();
    this.settleResolved(value);
  }

  setException(error: unknown): void {
    this.assertPending();
    this.settleRejected(error);
  }

  /** Cancels a pending future; returns false when it had already finished. */
  cancel(message?: string): boolean {
    if (this.#state !== PENDING) return false;
    this.#cancelMessage = message;
    this.settleCancelled(undefined);
    return true;
  }

  /** The result; throws InvalidStateError while pending, CancelledError when cancelled, the error when rejected. */
  result(): T {
    if (this.#state === PENDING) throw new InvalidStateError('Result is not set.');
    if (this.#state === RESOLVED) return this.#outcome as T;
    unread.delete(this);
    throw this.#state === CANCELLED ? this.#cancelledError() : this.#outcome;
  }

  /** The exception, or null; throws InvalidStateError while pending and CancelledError when cancelled. */
  exception(): unknown {
    if (this.#state === PENDING) throw new InvalidStateError('Exception is not set.');
    if (this.#state === CANCELLED) throw this.#cancelledError();
    unread.delete(this);
    return this.#state === REJECTED ? this.#outcome : null;
  }

  /** Calls `callback(this)` on the ready queue once done (soon, if already done). */
  addDoneCallback(callback: (future: this) => void): void {
    if (this.#state !== PENDING) callSoon(callback, this);
    else (this.#callbacks ??= []).push(callback);
  }

  /** How many callbacks and awaits wait for it to be done. */
  waiters(): number {
    return this.#callbacks?.length ?? 0;
  }

  /** Removes every registration of `callback`; returns how many there were. */
  removeDoneCallback(callback: (future: this) => void): number {
    const callbacks = this.#callbacks;
    if (!callbacks) return 0;
    const kept = callbacks.filter((cb) => cb !== callback);
    this.#callbacks = kept;
    return callbacks.length - kept.length;
  }

  /**
   * `then`, read as a property: V8 reads it synchronously where an `await` of this future starts,
   * in the awaiting code, and calls it a moment later from a promise job, where the async stack
   * no longer shows whose await it is. Outside a step (code resumed from a plain promise), the
   * task is looked for at the reading, and the call takes it from there.
   */
  get then(): Then<T> {
    if (runningStep() === undefined) {
      const task = currentTask();
      if (task !== undefined) readers.set(this, task);
    }
    return this.subscribe;
  }

  /** What then() does: the awaiting task (if any) is suspended on this future until it is done. */
  protected subscribe<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    const promise = new Promise<R1 | R2>(capture as Executor<R1 | R2>);
    const pending = this.#state === PENDING;
    const task = pending ? this.awaiter() : undefined;
    const reaction = new Reaction(this as BaseFuture<unknown>, onfulfilled as Reaction['onFulfilled'], onrejected, capturedResolve, capturedReject, task);
    if (!pending) {
      queueMicrotaskWith(reactLater, reaction);
      return promise;
    }
    (this.#callbacks ??= []).push(reaction);
    task?.awaits(this);
    return promise;
  }

  /** The task awaiting now: the one whose step runs, or the one found when `then` was read. */
  protected awaiter(): LoopTask | undefined {
    const step = runningStep();
    if (step !== undefined) return step;
    const reader = readers.get(this);
    if (reader !== undefined) readers.delete(this);
    return reader;
  }

  /** Promise's catch(): then(undefined, onrejected). */
  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onrejected);
  }

  /** Promise's finally(): `fn` runs once done, and the outcome passes through. */
  finally(fn?: (() => void) | null): Promise<T> {
    return this.then(
      (value) => {
        fn?.();
        return value;
      },
      (reason: unknown) => {
        fn?.();
        throw reason;
      },
    );
  }

  /** A native promise that settles as this future does, awaited by no task (the runner's own waits). */
  asPromise(): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const reaction = new Reaction(this as BaseFuture<unknown>, undefined, undefined, resolve as (value: unknown) => void, reject, undefined);
      if (this.#state !== PENDING) this.reactNow(reaction);
      else (this.#callbacks ??= []).push(reaction);
    });
  }

  /** Runs a reaction with this (done) future's outcome. */
  reactNow(reaction: Reaction): void {
    if (this.#state === CANCELLED) react(reaction, false, this.#cancelledError());
    else {
      if (this.#state === REJECTED) unread.delete(this);
      react(reaction, this.#state === RESOLVED, this.#outcome);
    }
  }

  /** Python's repr: `<Future pending>`, `<Future finished result='x'>`, `<Future cancelled>`... */
  repr(): string {
    return `<${this.reprName()} ${this.reprInfo().join(' ')}>`;
  }

  toString(): string {
    return this.repr();
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.repr();
  }

  protected reprName(): string {
    return 'Future';
  }

  /** asyncio's _future_repr_info: the state, the outcome, the callbacks. */
  protected reprInfo(): string[] {
    const info = [this.#state === PENDING ? 'pending' : this.#state === CANCELLED ? 'cancelled' : 'finished'];
    if (this.#state === RESOLVED) info.push(`result=${pyReprLimited(this.#outcome)}`);
    if (this.#state === REJECTED) info.push(`exception=${pyReprLimited(this.#outcome)}`);
    const callbacks = this.#callbacks ?? [];
    if (callbacks.length > 0) info.push(formatCallbacks(callbacks));
    return info;
  }

  protected settleResolved(value: T): void {
    this.#settle(RESOLVED, value);
  }

  protected settleRejected(error: unknown): void {
    this.#settle(REJECTED, error);
  }

  /**
   * Done, cancelled: by cancel() (no error: one is made, with cancel()'s message, each time it is
   * asked for), or by a task's body ending with `error` (handed to the first who asks, then
   * asyncio forgets it and its message).
   */
  protected settleCancelled(error: CancelledError | undefined): void {
    if (error !== undefined) this.#cancelMessage = undefined;
    this.#settle(CANCELLED, error);
  }

  /** asyncio's _make_cancelled_error. */
  #cancelledError(): CancelledError {
    const error = this.#outcome;
    if (error instanceof CancelledError) {
      this.#outcome = undefined;
      return error;
    }
    return new CancelledError(this.#cancelMessage);
  }

  /** asyncio's _cancel_message of a cancelled future (a task's is gone once its body ended it). */
  static cancelMessageOf(future: BaseFuture<unknown>): string | undefined {
    return future.#cancelMessage;
  }

  protected assertPending(): void {
    if (this.#state !== PENDING) throw new InvalidStateError('invalid state');
  }

  /** Done: every callback and waiting task goes on the ready queue, in the order they came. */
  #settle(state: number, outcome: unknown): void {
    this.#state = state;
    this.#outcome = outcome;
    const callbacks = this.#callbacks;
    this.#callbacks = undefined;
    if (!callbacks) return;
    for (const callback of callbacks) {
      if (!(callback instanceof Reaction)) callSoon(callback as DoneCallback<T>, this);
      else if (callback.task) callSoonAsStep(callback.task, wake, callback);
      else callSoon(wake, callback);
    }
  }
}

/**
 * asyncio.sleep(0): a bare yield. The task that awaits it is put back on the ready queue at once, so
 * it runs again after what is ready now: one iteration of the loop. There is no future to cancel;
 * a cancel asked meanwhile is delivered when it resumes. As a future it is done from the start
 * (gather and friends see it finished); only an await of it yields.
 */
export class Yield<T> extends BaseFuture<T> {
  constructor(value: T) {
    super();
    this.setResult(value);
  }

  protected override subscribe<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    const promise = new Promise<R1 | R2>(capture as Executor<R1 | R2>);
    const task = this.awaiter();
    const reaction = new Reaction(this as BaseFuture<unknown>, onfulfilled as Reaction['onFulfilled'], onrejected, capturedResolve, capturedReject, task);
    if (task) callSoonAsStep(task, wake, reaction);
    else callSoon(wake, reaction);
    return promise;
  }
}

/**
 * A future the screen shows: an entity of the run's tracker, from pending to resolved, rejected
 * or cancelled, nested under the task that made it.
 */
export class Future<T = unknown> extends BaseFuture<T> {
  readonly record: EntityRecord;
  protected readonly tracker: Tracker;

  constructor(tracker: Tracker, options: TrackOptions = {}, kind: Kind = 'future', detail?: string) {
    super();
    this.tracker = tracker;
    this.record = tracker.track(kind, options.name, 'pending', options.parent, detail, this);
  }

  override get name(): string {
    return this.record.name;
  }

  protected override settleResolved(value: T): void {
    super.settleResolved(value);
    this.tracker.setState(this.record, 'resolved', value);
  }

  protected override settleRejected(error: unknown): void {
    unread.add(this as BaseFuture<unknown>);
    super.settleRejected(error);
    this.tracker.setState(this.record, 'rejected', error);
  }

  protected override settleCancelled(error: CancelledError | undefined): void {
    const message = error === undefined ? BaseFuture.cancelMessageOf(this as BaseFuture<unknown>) : undefined;
    super.settleCancelled(error);
    this.tracker.setState(this.record, 'cancelled', error ?? new CancelledError(message));
  }
}

/** asyncio's `cb=[...]`: the first callback, how many more, the last. */
function formatCallbacks(callbacks: readonly (Reaction | ((future: never) => void))[]): string {
  const name = (cb: Reaction | ((future: never) => void)) =>
    cb instanceof Reaction ? (cb.task ? 'Task.task_wakeup()' : 'then()') : `${(cb as { pyName?: string }).pyName ?? (cb.name || '<lambda>')}()`;
  const n = callbacks.length;
  const shown = n === 1 ? name(callbacks[0]!) : n === 2 ? `${name(callbacks[0]!)}, ${name(callbacks[1]!)}` : `${name(callbacks[0]!)}, <${n - 2} more>, ${name(callbacks[n - 1]!)}`;
  return `cb=[${shown}]`;
}

/** Gives a done callback the name asyncio's repr shows for it (`gather.<locals>._done_callback`). */
export function pyNamed<F extends (...args: never[]) => unknown>(name: string, fn: F): F {
  return Object.assign(fn, { pyName: name });
}
