import type { CoroutineObject } from './coroutine.js';
import { CancelledError, ExceptionGroup, RuntimeError } from './errors.js';
import { BaseFuture, pyNamed } from './future.js';
import { currentTask } from './loop.js';
import type { Runtime } from './runtime.js';
import { Task, type TaskBody } from './task.js';

/**
 * asyncio.TaskGroup (Python 3.11), line for line: structured concurrency. The group waits for all
 * its tasks; the first one to fail cancels the others and the body (the parent task); an error in
 * the body cancels the tasks too; then the group raises an ExceptionGroup of what failed. A task
 * added once the group is shutting down is refused.
 */
export class TaskGroup {
  #entered = false;
  #exiting = false;
  #aborting = false;
  #parent: Task<unknown> | undefined;
  #parentCancelRequested = false;
  readonly #tasks = new Set<Task<unknown>>();
  #errors: unknown[] = [];
  #onCompleted: BaseFuture<boolean> | undefined;
  readonly #onTaskDone = pyNamed('TaskGroup._on_task_done', (task: Task<unknown>) => this.#taskDone(task));

  constructor(private readonly runtime: Runtime) {}

  /** A task in the group, from a coroutine object (as Python's tg.create_task) or a function. */
  createTask<T>(work: CoroutineObject<T> | TaskBody<T>, name?: string): Task<T>;
  createTask<T>(name: string, work: CoroutineObject<T> | TaskBody<T>): Task<T>;
  createTask<T>(a: string | CoroutineObject<T> | TaskBody<T>, b?: string | CoroutineObject<T> | TaskBody<T>): Task<T> {
    if (!this.#entered) throw new RuntimeError(`TaskGroup ${this.repr()} has not been entered`);
    if (this.#exiting && this.#tasks.size === 0) throw new RuntimeError(`TaskGroup ${this.repr()} is finished`);
    if (this.#aborting) throw new RuntimeError(`TaskGroup ${this.repr()} is shutting down`);
    const task = this.runtime.tracker.noteSite(this.runtime.createTask(a as never, b as never) as Task<T>, TaskGroup.prototype.createTask);
    task.addDoneCallback(this.#onTaskDone as (t: Task<T>) => void);
    this.#tasks.add(task as Task<unknown>);
    return task;
  }

  /** Python's repr: `<TaskGroup tasks=2 errors=1 cancelling>`. */
  repr(): string {
    const info = [''];
    if (this.#tasks.size > 0) info.push(`tasks=${this.#tasks.size}`);
    if (this.#errors.length > 0) info.push(`errors=${this.#errors.length}`);
    if (this.#aborting) info.push('cancelling');
    else if (this.#entered) info.push('entered');
    return `<TaskGroup${info.join(' ')}>`;
  }

  /** `async with TaskGroup() as tg:` around `body`. */
  async run(body: (tg: TaskGroup) => PromiseLike<void> | void): Promise<void> {
    this.#enter();
    let error: unknown;
    let failed = false;
    try {
      await body(this);
    } catch (caught) {
      failed = true;
      error = caught;
    }
    await this.#exit(failed, error);
  }

  #enter(): void {
    if (this.#entered) throw new RuntimeError('TaskGroup has already been entered');
    const parent = currentTask();
    if (!(parent instanceof Task)) throw new RuntimeError('TaskGroup cannot determine the parent task');
    this.#entered = true;
    this.#parent = parent;
  }

  async #exit(failed: boolean, error: unknown): Promise<void> {
    this.#exiting = true;
    let propagateCancellation: unknown;
    if (failed) {
      if (error instanceof CancelledError) {
        // Our own cancel of the parent (a task failed) is swallowed; anyone else's goes on.
        if (!(this.#parentCancelRequested && this.#parent!.uncancel() === 0)) propagateCancellation = error;
      }
      if (!this.#aborting) this.#abort();
    }
    // The wait may be cancelled over and over (the parent cancelled while the tasks unwind).
    while (this.#tasks.size > 0) {
      this.#onCompleted ??= new BaseFuture<boolean>();
      try {
        await this.#onCompleted;
      } catch (caught) {
        if (!(caught instanceof CancelledError)) throw caught;
        if (!this.#aborting) {
          propagateCancellation = caught;
          this.#abort();
        }
      }
      this.#onCompleted = undefined;
    }
    if (propagateCancellation !== undefined && this.#errors.length === 0) throw propagateCancellation;
    if (failed && !(error instanceof CancelledError)) this.#errors.push(error);
    if (this.#errors.length > 0) {
      const errors = this.#errors;
      this.#errors = [];
      throw new ExceptionGroup('unhandled errors in a TaskGroup', errors);
    }
  }

  #abort(): void {
    this.#aborting = true;
    for (const task of this.#tasks) if (!task.done()) task.cancel();
  }

  #taskDone(task: Task<unknown>): void {
    this.#tasks.delete(task);
    if (this.#onCompleted && this.#tasks.size === 0 && !this.#onCompleted.done()) this.#onCompleted.setResult(true);
    if (task.cancelled()) return;
    const error = task.exception();
    if (error === null) return;
    this.#errors.push(error);
    if (this.#parent!.done()) return;
    if (!this.#aborting && !this.#parentCancelRequested) {
      // Stop what the body is doing right now: the parent is cancelled, and told apart later.
      this.#abort();
      this.#parentCancelRequested = true;
      this.#parent!.cancel();
    }
  }
}
