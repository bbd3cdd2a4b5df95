import { currentTask } from './current.js';
import { CancelledError } from './errors.js';
import type { Tracker } from './tracker.js';

const blocker = new Int32Array(new SharedArrayBuffer(4));

/** Real time, scaled by a speed factor a user can change while a run goes on. */
export class Clock {
  #speed: number;
  /** Interrupts of the sleeps no task is known to wait on: a task's cancel cannot reach them. */
  readonly #untracked = new Set<(error: Error) => void>();
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
    this.#speed = value;
  }

  /** Scenario milliseconds to real milliseconds. */
  scale(ms: number): number {
    return ms / this.#speed;
  }

  /**
   * The run was stopped: every sleep still pending rejects with CancelledError, and so does every
   * later one. Cancelling a task reaches the sleeps it is known to wait on; code resumed from a
   * plain `await` runs with no current task, and only this reaches its sleeps, so a stopped run's
   * body cannot sleep on past the run.
   */
  stop(reason: string): void {
    this.#stopped = reason;
    for (const interrupt of [...this.#untracked]) interrupt(new CancelledError(reason));
  }

  /**
   * asyncio.sleep: a real timer; the task that awaits it is suspended, and cancelling that task
   * rejects this sleep with CancelledError.
   */
  sleep<T = void>(ms: number, value?: T): Promise<T> {
    const task = currentTask();
    return new Promise<T>((resolve, reject) => {
      if (task?.cancelPending) {
        reject(task.takeCancel());
        return;
      }
      if (this.#stopped !== undefined) {
        reject(new CancelledError(this.#stopped));
        return;
      }
      const interrupt = (error: Error) => {
        clearTimeout(timer);
        if (!task) this.#untracked.delete(interrupt);
        reject(error);
        task?.resume();
      };
      const timer = setTimeout(() => {
        if (!task) this.#untracked.delete(interrupt);
        resolve(value as T);
        task?.resume();
      }, this.scale(ms));
      if (task) task.suspendOn({ interrupt });
      else this.#untracked.add(interrupt);
    });
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
