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

/** asyncio's _must_cancel: a cancel asked for that found nothing to cancel yet. */
const MUST_CANCEL = 1;
/** A step ended with the task suspended on something the runtime does not drive (a plain promise). */
const RAW_WAIT = 2;
/** The step under way has been told (stepStarted) and not yet ended. */
const IN_STEP = 4;

/** A task's rarely used parts. */
interface TaskExtra {
  /** The coroutine object it drives, when made from one. */
  coroutine?: { close(): void };
  controller?: AbortController;
  /** asyncio's _cancel_message. */
  cancelMessage?: string;
  /** Coroutine objects this task has started and not seen finish: they run and wait with it. */
  coroutines?: CoroutineObject<unknown>[];
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
  /** asyncio's _fut_waiter: what the task is suspended on, if the runtime drives it. */
  #waitingOn: Cancellable | undefined = undefined;
  /** MUST_CANCEL, RAW_WAIT, IN_STEP: a task's few yes-or-no facts, in one small integer. */
  #flags = 0;
  /** asyncio's _num_cancels_requested. */
  #cancels = 0;
  /** What most tasks never need (a coroutine object, a signal, a cancel's message), made when first needed. */
  #extra: TaskExtra | undefined = undefined;

  constructor(tracker: Tracker, body: TaskBody<T>, options: TaskOptions = {}) {
    // The coroutine's name is the record's detail: the task keeps no copy.
    super(tracker, options, 'task', options.coro ?? (body.name || 'anonymous'));
    this.#body = body;
    if (options.coroutine) this.#extra = { coroutine: options.coroutine };
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
    return ((this.#extra ??= {}).controller ??= new AbortController()).signal;
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
    return this.#extra?.coroutine ?? null;
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
    this.#extra?.controller?.abort(new CancelledError(message));
    if (this.#waitingOn?.cancel(message)) return true;
    this.#flags |= MUST_CANCEL;
    (this.#extra ??= {}).cancelMessage = message;
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
    this.#flags |= IN_STEP;
    this.#waitingOn = undefined;
    if (!this.done()) this.tracker.setState(this.record, 'running');
    if (this.#extra?.coroutines) this.#tellCoroutines(true);
  }

  stepEnded(): void {
    this.#flags &= ~IN_STEP;
    if (this.#extra?.coroutines) this.#tellCoroutines(false);
    if (this.done()) return;
    this.tracker.setState(this.record, 'waiting');
    this.#tellAwaiting();
    // Suspended on nothing the runtime drives: a plain promise. What resumes it runs outside any
    // step; the task is then found by its place on the async stack (task-slots.ts).
    if (this.#waitingOn === undefined && !(this.#flags & RAW_WAIT)) {
      this.#flags |= RAW_WAIT;
      trackRawWait();
    }
  }

  awaits(future: Cancellable): void {
    this.#waitingOn = future;
    if (this.#flags & MUST_CANCEL && future.cancel(this.#extra?.cancelMessage)) this.#flags &= ~MUST_CANCEL;
    // Code resumed from a plain await (not a step) is the task's again, on its way to this future.
    if (!(this.#flags & IN_STEP) && !this.done()) {
      this.tracker.setState(this.record, 'waiting');
      this.#tellAwaiting();
    }
  }

  /** What it is suspended on, when the screen shows that one too (a future, a task). */
  #tellAwaiting(): void {
    const on = this.#waitingOn;
    if (on instanceof Future) this.tracker.awaiting(this.record, on.record);
  }

  hostCoroutine(coroutine: CoroutineObject<unknown>): void {
    ((this.#extra ??= {}).coroutines ??= []).push(coroutine);
  }

  wakes(): CancelledError | undefined {
    if (!(this.#flags & MUST_CANCEL)) return undefined;
    this.#flags &= ~MUST_CANCEL;
    return new CancelledError(this.#extra?.cancelMessage);
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
    if (this.#flags & MUST_CANCEL) {
      this.#flags &= ~MUST_CANCEL;
      this.#extra?.coroutine?.close();
      this.settleCancelled(new CancelledError(this.#extra?.cancelMessage));
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
    if (this.#flags & MUST_CANCEL) {
      // asyncio: super().cancel(msg): cancelled as a plain future is, with the request's message.
      this.#flags &= ~MUST_CANCEL;
      super.cancel(this.#extra?.cancelMessage);
    } else {
      this.settleResolved(value as T);
    }
    this.#finished();
  }

  bodyThrew(error: unknown): void {
    if (this.done()) return;
    if (isCancellation(error)) this.settleCancelled(error instanceof CancelledError ? error : new CancelledError(this.#extra?.cancelMessage));
    else this.settleRejected(error);
    this.#finished();
  }

  /** Tells the coroutines still under way that a step began (running) or ended (waiting). */
  #tellCoroutines(running: boolean): void {
    const list = this.#extra!.coroutines!;
    let kept = 0;
    for (const coroutine of list) {
      if (coroutine.record.settled !== undefined) continue;
      coroutine.hostStep(running);
      list[kept++] = coroutine;
    }
    list.length = kept;
    if (kept === 0) this.#extra!.coroutines = undefined;
  }

  #finished(): void {
    this.#waitingOn = undefined;
    if (this.#flags & RAW_WAIT) {
      this.#flags &= ~RAW_WAIT;
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
