import { performance } from 'node:perf_hooks';
import { BaseFuture, Yield } from './future.js';
import { currentTask } from './loop.js';
import type { Tracker } from './tracker.js';

const blocker = new Int32Array(new SharedArrayBuffer(4));
/** The longest delay Node's timers take (about 24.8 days); longer ones would fire after 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * asyncio.sleep's future: a real timer sets it. Cancelling it (a cancel of the task that awaits it
 * does) clears the timer, and the await raises CancelledError.
 */
class Sleep<T> extends BaseFuture<T> {
  readonly #timer: NodeJS.Timeout;
  readonly #clock: Clock;

  constructor(clock: Clock, realMs: number, value: T) {
    super();
    this.#clock = clock;
    this.#timer = setTimeout(Sleep.#ring, Math.min(realMs, MAX_TIMER_MS), this, value);
  }

  static #ring<U>(sleep: Sleep<U>, value: U): void {
    if (sleep.done()) return;
    sleep.setResult(value);
    sleep.#clock.forget(sleep);
  }

  override cancel(message?: string): boolean {
    if (!super.cancel(message)) return false;
    clearTimeout(this.#timer);
    this.#clock.forget(this);
    return true;
  }
}

/** Real time, scaled by a speed factor a user can change while a run goes on. */
export class Clock {
  #speed: number;
  /** Scenario time (asyncio's loop.time(), in ms) when the speed last changed, and the real time then. */
  #timeAtChange = 0;
  #realAtChange = performance.now();
  /** Sleeps made outside any task: no task's cancel reaches them, so stopping the run does. */
  readonly #loose = new Set<{ cancel(message?: string): boolean }>();
  #stopped: string | undefined;

  constructor(
    private readonly tracker: Tracker,
    speed = 1,
  ) {
    this.#speed = speed;
  }

  get speed(): number {
    return this.#speed;
  }

  set speed(value: number) {
    const now = performance.now();
    this.#timeAtChange += (now - this.#realAtChange) * this.#speed;
    this.#realAtChange = now;
    this.#speed = value;
  }

  /** Scenario milliseconds to real milliseconds. */
  scale(ms: number): number {
    return ms / this.#speed;
  }

  /** asyncio's loop.time(), in scenario milliseconds: real time run faster or slower by the speed. */
  time(): number {
    return this.#timeAtChange + (performance.now() - this.#realAtChange) * this.#speed;
  }

  /**
   * The run was stopped: every sleep made outside a task is cancelled, and every later one is
   * cancelled at once, so code no task owns cannot sleep on past the run.
   */
  stop(reason: string): void {
    this.#stopped = reason;
    for (const sleep of [...this.#loose]) sleep.cancel(reason);
  }

  /**
   * asyncio.sleep: a real timer (scaled by the speed); `sleep(0)` yields one iteration of the loop.
   * The task that awaits it is suspended on it, and cancelling that task cancels the sleep.
   */
  sleep<T = void>(ms: number, value?: T): BaseFuture<T> {
    if (this.#stopped !== undefined) {
      const stopped = new BaseFuture<T>();
      stopped.cancel(this.#stopped);
      return stopped;
    }
    if (!(ms > 0)) return new Yield(value as T);
    const sleep = new Sleep<T>(this, this.scale(ms), value as T);
    if (currentTask() === undefined) this.#loose.add(sleep);
    return sleep;
  }

  /** A sleep is over (rang or cancelled). */
  forget(sleep: { cancel(message?: string): boolean }): void {
    this.#loose.delete(sleep);
  }

  /**
   * time.sleep: really blocks the thread (Atomics.wait), so nothing else on the loop can run,
   * the screen included. Returns the measured milliseconds and marks the stretch as blocked.
   */
  blockFor(ms: number): number {
    const start = this.tracker.now();
    Atomics.wait(blocker, 0, 0, this.scale(ms));
    const end = this.tracker.now();
    this.tracker.mark('blocked', start, end);
    return end - start;
  }
}

