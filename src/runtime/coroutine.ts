import { CancelledError, RuntimeError } from './errors.js';
import type { Then } from './future.js';
import { asTask, currentTask, runningStep, type LoopTask } from './loop.js';
import type { EntityRecord, Tracker } from './tracker.js';

/** A task that runs coroutines: it says when they run and when they wait, step by step. */
export interface CoroutineHost {
  hostCoroutine(coroutine: CoroutineObject<unknown>): void;
}

/**
 * Python's coroutine object: made by calling a coroutine function, it does nothing until it is
 * awaited (or wrapped in a task). It then runs as part of the task that awaits it, in that task's
 * steps: an await of it does not yield to the loop, and a cancel of the task reaches its awaits.
 * A plain JS async function call, by contrast, runs at once.
 */
export class CoroutineObject<T = unknown> implements PromiseLike<T> {
  readonly record: EntityRecord;
  readonly #tracker: Tracker;
  #body: (() => PromiseLike<T> | T) | undefined;
  #promise: Promise<T> | undefined;
  #reader: LoopTask | undefined = undefined;

  constructor(tracker: Tracker, name: string, body: () => PromiseLike<T> | T, parent?: string) {
    this.#tracker = tracker;
    this.#body = body;
    this.record = tracker.track('coroutine', name, 'created', parent, undefined, this);
  }

  get name(): string {
    return this.record.name;
  }

  /** True once it was started or closed: the state Python warns about as "never awaited" is false. */
  get awaited(): boolean {
    return this.#body === undefined;
  }

  /**
   * `then`, read as a property: read where the `await` starts, it is when the awaiting task can
   * be found outside a step (code resumed from a plain promise); see BaseFuture's then.
   */
  get then(): Then<T> {
    if (runningStep() === undefined) this.#reader = currentTask();
    return this.#subscribe;
  }

  readonly #subscribe: Then<T> = (onfulfilled, onrejected) => {
    const reader = this.#reader;
    this.#reader = undefined;
    return this.start(runningStep() ?? reader).then(onfulfilled, onrejected);
  };

  /**
   * Runs the body in the task that awaits it (the task running now unless given); a second start
   * is an error, as awaiting a Python coroutine twice is.
   */
  start(host: LoopTask | undefined = currentTask()): Promise<T> {
    const body = this.#body;
    if (body === undefined) throw new RuntimeError('cannot reuse already awaited coroutine');
    this.#body = undefined;
    const tracker = this.#tracker;
    tracker.setState(this.record, 'running');
    (host as Partial<CoroutineHost> | undefined)?.hostCoroutine?.(this as CoroutineObject<unknown>);
    this.#promise = host ? asTask(host, () => run(body)) : run(body);
    this.#promise.then(
      (value) => tracker.setState(this.record, 'resolved', value),
      (error: unknown) => tracker.setState(this.record, error instanceof CancelledError ? 'cancelled' : 'rejected', error),
    );
    return this.#promise;
  }

  /** Python's close(): it will never run (a task cancelled before its first step closes its coroutine). */
  close(): void {
    if (this.#body === undefined) return;
    this.#body = undefined;
    this.#tracker.setState(this.record, 'cancelled', new CancelledError());
  }

  /** The host task's step began or ended while this coroutine is still under way. */
  hostStep(running: boolean): void {
    if (this.#promise !== undefined) this.#tracker.setState(this.record, running ? 'running' : 'waiting');
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

/** Calls a body, its promise as it is (so V8's async stack goes through it), anything else as a promise. */
function run<T>(body: () => PromiseLike<T> | T): Promise<T> {
  try {
    const result = body();
    return result instanceof Promise ? result : Promise.resolve(result);
  } catch (error) {
    return Promise.reject(error);
  }
}
