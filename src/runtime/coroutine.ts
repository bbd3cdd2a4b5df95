import { CancelledError, RuntimeError } from './errors.js';
import type { EntityRecord, Tracker } from './tracker.js';

/**
 * Python's coroutine object: made by calling a coroutine function, it does nothing until it is
 * awaited (or wrapped in a task). A plain JS async function call, by contrast, runs at once.
 */
export class CoroutineObject<T = unknown> implements PromiseLike<T> {
  readonly record: EntityRecord;
  readonly #tracker: Tracker;
  #body: (() => PromiseLike<T> | T) | undefined;
  #promise: Promise<T> | undefined;

  constructor(tracker: Tracker, name: string, body: () => PromiseLike<T> | T, parent?: string) {
    this.#tracker = tracker;
    this.#body = body;
    this.record = tracker.track('coroutine', name, 'created', parent, undefined, this);
  }

  get name(): string {
    return this.record.name;
  }

  /** True until someone awaits it: the state Python warns about as "never awaited". */
  get awaited(): boolean {
    return this.#body === undefined;
  }

  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.start().then(onfulfilled, onrejected);
  }

  /** Runs the body; a second start is an error, as awaiting a Python coroutine twice is. */
  start(): Promise<T> {
    const body = this.#body;
    if (body === undefined) throw new RuntimeError('cannot reuse already awaited coroutine');
    this.#body = undefined;
    const tracker = this.#tracker;
    tracker.setState(this.record, 'running');
    this.#promise = (async () => body())();
    tracker.setState(this.record, 'waiting');
    this.#promise.then(
      (value) => tracker.setState(this.record, 'resolved', value),
      (error: unknown) =>
        tracker.setState(this.record, error instanceof CancelledError ? 'cancelled' : 'rejected', error),
    );
    return this.#promise;
  }

  repr(): string {
    return `<coroutine object ${this.name}>`;
  }

  toString(): string {
    return this.repr();
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.repr();
  }
}
