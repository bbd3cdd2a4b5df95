/**
 * Which task is executing right now, without AsyncLocalStorage (whose promise hooks would slow every
 * promise on Node 20). A task sets it around its first segment and around each wake-up from a
 * runtime await (sleep); anything else resumes with no current task, which only costs precision.
 */
export interface Resumable {
  /** Called by a runtime await when the task is parked on it. */
  suspendOn(waiter: Waiter): void;
  /** Called when that await completes, just before the task's continuation runs. */
  resume(): void;
  /** True when cancel() was asked and not yet delivered at an await. */
  readonly cancelPending: boolean;
  /** Takes the pending cancellation (so it is delivered once). */
  takeCancel(): Error;
}

/** Something a task waits on that a cancel can interrupt. */
export interface Waiter {
  interrupt(error: Error): void;
}

let current: Resumable | undefined;

export function currentTask(): Resumable | undefined {
  return current;
}

export function setCurrentTask(task: Resumable | undefined): Resumable | undefined {
  const previous = current;
  current = task;
  return previous;
}

/**
 * Parks the current task on something that will call `wake(value)` later (a queue slot, a
 * semaphore permit). `register` adds the waker and returns how to take it back; cancelling the
 * task takes it back and rejects the wait with CancelledError, as asyncio does at any await.
 */
export function park<T>(register: (wake: (value: T) => void) => () => void): Promise<T> {
  const task = current;
  return new Promise<T>((resolve, reject) => {
    if (task?.cancelPending) {
      reject(task.takeCancel());
      return;
    }
    const unregister = register((value) => {
      resolve(value);
      task?.resume();
    });
    task?.suspendOn({
      interrupt(error) {
        unregister();
        reject(error);
        task.resume();
      },
    });
  });
}

/** Takes one waker out of a waiting list. */
export function removeFrom<T>(list: T[], item: T): () => void {
  return () => {
    const i = list.indexOf(item);
    if (i >= 0) list.splice(i, 1);
  };
}
