import { CancelledError, InvalidStateError } from './errors.js';
import { pyRepr } from './repr.js';
import type { Kind } from './states.js';
import type { EntityRecord, Tracker } from './tracker.js';

const PENDING = 0;
const RESOLVED = 1;
const REJECTED = 2;
const CANCELLED = 3;

type DoneCallback<T> = (future: Future<T>) => void;

/** Options shared by every tracked awaitable. */
export interface TrackOptions {
  readonly name?: string;
  /** Public id of the creating task, shown as nesting. */
  readonly parent?: string;
}

/**
 * asyncio's Future on Node: pending until someone sets a result or an exception, or cancels it.
 * Awaitable (a thenable); done callbacks run on a later turn, as call_soon would run them.
 */
export class Future<T = unknown> implements PromiseLike<T> {
  readonly record: EntityRecord;
  protected readonly tracker: Tracker;
  #state = PENDING;
  /** The result (resolved) or the error (rejected, cancelled). */
  #outcome: unknown = undefined;
  #callbacks: DoneCallback<T>[] | undefined;
  #promise: Promise<T> | undefined;
  #resolve: ((value: T) => void) | undefined;
  #reject: ((error: unknown) => void) | undefined;

  constructor(tracker: Tracker, options: TrackOptions = {}, kind: Kind = 'future', detail?: string) {
    this.tracker = tracker;
    this.record = tracker.track(kind, options.name, 'pending', options.parent, detail, this);
  }

  get name(): string {
    return this.record.name;
  }

  done(): boolean {
    return this.#state !== PENDING;
  }

  cancelled(): boolean {
    return this.#state === CANCELLED;
  }

  setResult(value: T): void {
    this.#assertPending();
    this.settleResolved(value);
  }

  setException(error: unknown): void {
    this.#assertPending();
    this.settleRejected(error);
  }

  /** Cancels a pending future; returns false when it had already finished. */
  cancel(message?: string): boolean {
    if (this.#state !== PENDING) return false;
    this.settleCancelled(new CancelledError(message));
    return true;
  }

  /** The result; throws InvalidStateError while pending, CancelledError when cancelled, the error when rejected. */
  result(): T {
    if (this.#state === PENDING) throw new InvalidStateError('Result is not set.');
    if (this.#state === RESOLVED) return this.#outcome as T;
    throw this.#outcome;
  }

  /** The exception, or null; throws InvalidStateError while pending and CancelledError when cancelled. */
  exception(): unknown {
    if (this.#state === PENDING) throw new InvalidStateError('Exception is not set.');
    if (this.#state === CANCELLED) throw this.#outcome;
    return this.#state === REJECTED ? this.#outcome : null;
  }

  /** Calls `callback(this)` on a later turn once done (at once-later if already done). */
  addDoneCallback(callback: DoneCallback<T>): void {
    if (this.#state !== PENDING) {
      setImmediate(callback, this);
      return;
    }
    (this.#callbacks ??= []).push(callback);
  }

  removeDoneCallback(callback: DoneCallback<T>): number {
    if (!this.#callbacks) return 0;
    const before = this.#callbacks.length;
    this.#callbacks = this.#callbacks.filter((cb) => cb !== callback);
    return before - this.#callbacks.length;
  }

  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.asPromise().then(onfulfilled, onrejected);
  }

  /** A native promise that settles with this future (made on first use). */
  asPromise(): Promise<T> {
    if (this.#promise === undefined) {
      if (this.#state === RESOLVED) this.#promise = Promise.resolve(this.#outcome as T);
      else if (this.#state !== PENDING) this.#promise = Promise.reject(this.#outcome);
      else {
        this.#promise =
          this.pendingPromise() ??
          new Promise<T>((resolve, reject) => {
            this.#resolve = resolve;
            this.#reject = reject;
          });
      }
    }
    return this.#promise;
  }

  /**
   * A promise that already exists and will settle as this pending future does, if there is one
   * (a started task's body); asPromise hands it out instead of making a new one.
   */
  protected pendingPromise(): Promise<T> | undefined {
    return undefined;
  }

  /** Drops the promise handed out so far: the next asPromise() makes one from the outcome. */
  protected forgetPromise(): void {
    this.#promise = undefined;
  }

  /** Python's repr: `<Future pending>`, `<Future finished result='x'>`... */
  repr(): string {
    return `<${this.reprName()} ${this.reprState()}${this.reprBody()}${this.reprOutcome()}>`;
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

  protected reprBody(): string {
    return '';
  }

  protected reprState(): string {
    return this.#state === PENDING ? 'pending' : this.#state === CANCELLED ? 'cancelled' : 'finished';
  }

  protected reprOutcome(): string {
    if (this.#state === RESOLVED) return ` result=${pyRepr(this.#outcome)}`;
    if (this.#state === REJECTED) return ` exception=${pyRepr(this.#outcome)}`;
    return '';
  }

  protected settleResolved(value: T): void {
    this.#state = RESOLVED;
    this.#outcome = value;
    this.tracker.setState(this.record, 'resolved', value);
    this.#resolve?.(value);
    this.#finish();
  }

  protected settleRejected(error: unknown): void {
    this.#state = REJECTED;
    this.#outcome = error;
    this.tracker.setState(this.record, 'rejected', error);
    this.#reject?.(error);
    this.#finish();
  }

  protected settleCancelled(error: CancelledError): void {
    this.#state = CANCELLED;
    this.#outcome = error;
    this.tracker.setState(this.record, 'cancelled', error);
    this.#reject?.(error);
    this.#finish();
  }

  #finish(): void {
    const callbacks = this.#callbacks;
    this.#callbacks = undefined;
    if (callbacks) for (const callback of callbacks) setImmediate(callback, this);
  }

  #assertPending(): void {
    if (this.#state !== PENDING) throw new InvalidStateError(`invalid state: ${this.repr()} is already done`);
  }
}
