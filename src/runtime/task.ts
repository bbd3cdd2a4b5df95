import type { CoroutineObject } from './coroutine.js';
import { CancelledError, RuntimeError } from './errors.js';
import { Future, type TrackOptions } from './future.js';
import { callSoonAsStep, enter, type LoopTask } from './loop.js';
import { pyRepr } from './repr.js';
import { driveBody, trackRawWait, untrackRawWait } from './task-slots.js';
import type { Tracker } from './tracker.js';

/** The body a task drives: an async function, given the task's AbortSignal if it asks for one. */
export type TaskBody<T> = (signal: AbortSignal) => PromiseLike<T> | T;

export interface TaskOptions extends TrackOptions {
  /** Name of the coroutine function the task wraps, for repr and panels. */
  readonly coro?: string;
  /**
   * The coroutine object the task drives, when it was made from one (createTask(coro)): it is
   * started by the task's first step, and closed unstarted if the task is cancelled before that.
   */
  readonly coroutine?: { close(): void };
  /** Start at once instead of on the ready queue (only the runner's root task does). */
  readonly eager?: boolean;
}

/** Something a task can be suspended on that a cancel can interrupt (a Future). */
interface Cancellable {
  cancel(message?: string): boolean;
}

/**
 * asyncio's Task: a Future that drives an async function. Creating one puts its first step on the
 * ready queue, so it starts only once its creator yields to the loop (a task printed right after
 * creation is pending). Each wake-up is a step on the same queue. cancel() cancels the future the
 * task is suspended on (a future, a sleep, a queue's waiter, another task: recursively), so
 * CancelledError is raised at that await, whatever it is; a request made while the task runs, or
 * while it awaits something the runtime does not drive (a plain promise), is delivered at its next
 * runtime await, or ends it cancelled when its body returns.
 */
export class Task<T = unknown> extends Future<T> implements LoopTask {
  #body: TaskBody<T> | undefined;
  #coroutine: { close(): void } | undefined;
  #controller: AbortController | undefined = undefined;
  /** asyncio's _fut_waiter: what the task is suspended on, if the runtime drives it. */
  #waitingOn: Cancellable | undefined = undefined;
  /** asyncio's _must_cancel: a cancel asked for that found nothing to cancel yet. */
  #mustCancel = false;
  #cancelMessage: string | undefined = undefined;
  /** asyncio's _num_cancels_requested. */
  #cancels = 0;
  /** True once a step ended with the task suspended on something the runtime does not drive. */
  #rawWait = false;
  /** The step under way has been told (stepStarted) and not yet ended. */
  #inStep = false;
  /** Coroutine objects this task has started and not seen finish: they run and wait with it. */
  #coroutines: CoroutineObject<unknown>[] | undefined = undefined;

  constructor(tracker: Tracker, body: TaskBody<T>, options: TaskOptions = {}) {
    // The coroutine's name is the record's detail: the task keeps no copy.
    super(tracker, options, 'task', options.coro ?? (body.name || 'anonymous'));
    this.#body = body;
    this.#coroutine = options.coroutine;
    if (options.eager) {
      enter(this);
      this.#firstStep();
    } else {
      callSoonAsStep(this, Task.#begin, this);
    }
  }

  static #begin(task: Task<unknown>): void {
    task.#firstStep();
  }

  /** Aborted when the task is cancelled, for APIs that take a signal (fetch, timers/promises, streams). */
  get signal(): AbortSignal {
    return (this.#controller ??= new AbortController()).signal;
  }

  /** The number of cancel requests not taken back (asyncio's cancelling()). */
  cancelling(): number {
    return this.#cancels;
  }

  /** Takes one cancel request back; returns how many are left (asyncio's uncancel()). */
  uncancel(): number {
    if (this.#cancels > 0) this.#cancels--;
    return this.#cancels;
  }

  getName(): string {
    return this.name;
  }

  setName(name: string): void {
    this.tracker.rename(this.record, String(name));
  }

  /** The coroutine object the task drives (asyncio's get_coro()); null for a task made from a function. */
  getCoro(): { close(): void } | null {
    return this.#coroutine ?? null;
  }

  override setResult(): never {
    throw new RuntimeError('Task does not support set_result operation');
  }

  override setException(): never {
    throw new RuntimeError('Task does not support set_exception operation');
  }

  /**
   * Asks the task to stop: the future it is suspended on is cancelled, so CancelledError is raised
   * at that await; asked while it runs or before it started, the request waits for its next step.
   */
  override cancel(message?: string): boolean {
    if (this.done()) return false;
    this.#cancels++;
    this.#controller?.abort(new CancelledError(message));
    if (this.#waitingOn?.cancel(message)) return true;
    this.#mustCancel = true;
    this.#cancelMessage = message;
    return true;
  }

  /**
   * Gives up on a task whose body ignored cancellation: it is reported cancelled and left
   * suspended. Whoever awaits it from now on gets CancelledError.
   */
  abandon(reason: string): void {
    if (this.done()) return;
    this.settleCancelled(new CancelledError(reason));
    this.#finished();
  }

  stepStarted(): void {
    this.#inStep = true;
    this.#waitingOn = undefined;
    if (!this.done()) this.tracker!.setState(this.record, 'running');
    if (this.#coroutines) this.#tellCoroutines(true);
  }

  stepEnded(): void {
    this.#inStep = false;
    if (this.#coroutines) this.#tellCoroutines(false);
    if (this.done()) return;
    this.tracker.setState(this.record, 'waiting');
    // Suspended on nothing the runtime drives: a plain promise. What resumes it runs outside any
    // step; the task is then found by its place on the async stack (task-slots.ts).
    if (this.#waitingOn === undefined && !this.#rawWait) {
      this.#rawWait = true;
      trackRawWait();
    }
  }

  awaits(future: Cancellable): void {
    this.#waitingOn = future;
    if (this.#mustCancel && future.cancel(this.#cancelMessage)) this.#mustCancel = false;
    // Code resumed from a plain await (not a step) is the task's again, on its way to this future.
    if (!this.#inStep && !this.done()) this.tracker!.setState(this.record, 'waiting');
  }

  hostCoroutine(coroutine: CoroutineObject<unknown>): void {
    (this.#coroutines ??= []).push(coroutine);
  }

  wakes(): CancelledError | undefined {
    if (!this.#mustCancel) return undefined;
    this.#mustCancel = false;
    return new CancelledError(this.#cancelMessage);
  }

  protected override reprName(): string {
    return 'Task';
  }

  /** asyncio's _task_repr_info: `cancelling` while a cancel is asked, then the name, the coroutine, what it waits for. */
  protected override reprInfo(): string[] {
    const info = super.reprInfo();
    if (this.#cancels > 0 && !this.done()) info[0] = 'cancelling';
    info.splice(1, 0, `name=${pyRepr(this.name)}`, `coro=<${this.record.detail}()>`);
    if (this.#waitingOn && !this.done()) info.splice(3, 0, `wait_for=${(this.#waitingOn as { repr?: () => string }).repr?.() ?? '<Future>'}`);
    return info;
  }

  /** The first step: the body runs, unless a cancel came first (then it never does). */
  #firstStep(): void {
    const body = this.#body;
    this.#body = undefined;
    if (body === undefined || this.done()) return;
    if (this.#mustCancel) {
      this.#mustCancel = false;
      this.#coroutine?.close();
      this.settleCancelled(new CancelledError(this.#cancelMessage));
      return;
    }
    let result: PromiseLike<T> | T;
    try {
      result = body.length > 0 ? body(this.signal) : (body as () => PromiseLike<T> | T)();
    } catch (error) {
      this.bodyThrew(error);
      return;
    }
    if (isThenable(result)) driveBody(this as Task<unknown>, result);
    else this.bodyReturned(result);
  }

  /** The body returned: resolved, or cancelled if a cancel was asked and never delivered. */
  bodyReturned(value: unknown): void {
    if (this.done()) return;
    if (this.#mustCancel) {
      // asyncio: super().cancel(msg): cancelled as a plain future is, with the request's message.
      this.#mustCancel = false;
      super.cancel(this.#cancelMessage);
    } else {
      this.settleResolved(value as T);
    }
    this.#finished();
  }

  bodyThrew(error: unknown): void {
    if (this.done()) return;
    if (isCancellation(error)) this.settleCancelled(error instanceof CancelledError ? error : new CancelledError(this.#cancelMessage));
    else this.settleRejected(error);
    this.#finished();
  }

  /** Tells the coroutines still under way that a step began (running) or ended (waiting). */
  #tellCoroutines(running: boolean): void {
    const list = this.#coroutines!;
    let kept = 0;
    for (const coroutine of list) {
      if (coroutine.record.settled !== undefined) continue;
      coroutine.hostStep(running);
      list[kept++] = coroutine;
    }
    list.length = kept;
    if (kept === 0) this.#coroutines = undefined;
  }

  #finished(): void {
    this.#waitingOn = undefined;
    if (this.#rawWait) {
      this.#rawWait = false;
      untrackRawWait();
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

/** True for a task not done yet (asyncio.all_tasks()' test). */
export function isTaskAlive(value: unknown): value is Task<unknown> {
  return value instanceof Task && !value.done();
}
