import { performance } from 'node:perf_hooks';
import { BaseFuture, Yield } from './future.js';
import { currentTask } from './loop.js';
import { type Later, TimerHeap } from './timer-heap.js';
import type { Tracker } from './tracker.js';

const blocker = new Int32Array(new SharedArrayBuffer(4));

/**
 * asyncio.sleep's future: a real timer sets it. Cancelling it (a cancel of the task that awaits it
 * does) clears the timer, and the await raises CancelledError.
 */
class Sleep<T> extends BaseFuture<T> {
  readonly #timer: Later;
  readonly #clock: Clock;

  constructor(clock: Clock, realMs: number, value: T) {
    super();
    this.#clock = clock;
    this.#timer = clock.later(realMs, () => {
      if (this.done()) return;
      this.setResult(value);
      this.#clock.forget(this);
    });
  }

  override cancel(message?: string): boolean {
    if (!super.cancel(message)) return false;
    this.#timer.cancel();
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
  /** Real milliseconds the program spent frozen at steps: the run's own time leaves them out. */
  #held = 0;
  /** The run's timers, on the run's own time: time the program spent frozen at a step does not count. */
  readonly #timers = new TimerHeap(() => this.activeNow());

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

  /** performance.now() less the time the program spent frozen: what the run's timers count in. */
  activeNow(): number {
    return performance.now() - this.#held;
  }

  /** The program was frozen at a step for `ms` real milliseconds: its timers keep the time they had left. */
  hold(ms: number): void {
    this.#held += ms;
    this.#realAtChange += ms;
  }

  /**
   * Rings `ring` after `realMs` real milliseconds of the run's own time. A timer that comes due
   * while the program is frozen fires once it goes on (Node's timers cannot wait), sees it is
   * early by the frozen stretch, and waits out the rest.
   */
  later(realMs: number, ring: () => void): Later {
    return this.#timers.add(this.activeNow() + realMs, ring);
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

