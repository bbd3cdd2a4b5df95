import { currentTask } from './current.js';
import type { Tracker } from './tracker.js';

const blocker = new Int32Array(new SharedArrayBuffer(4));

/** Real time, scaled by a speed factor a user can change while a run goes on. */
export class Clock {
  #speed: number;
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
      const timer = setTimeout(() => {
        resolve(value as T);
        task?.resume();
      }, this.scale(ms));
      task?.suspendOn({
        interrupt(error) {
          clearTimeout(timer);
          reject(error);
          task.resume();
        },
      });
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
