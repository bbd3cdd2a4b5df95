/**
 * asyncio's ready queue on Node, and which task is running now.
 *
 * Every task step and every done callback is a callback of this one FIFO queue (asyncio's
 * `call_soon`). Each callback is its own `setImmediate`: Node runs them in order and drains the
 * microtask queue after each one, so a task's step (its synchronous code and the promise jobs it
 * sets off, such as an `await` of something already done) runs to its next real suspension before
 * the next callback starts. No other task runs in between, as in asyncio, and the task that owns
 * the code running now is known exactly: the one whose step this is. A callback queued while the
 * queue runs waits for the next turn of the loop (immediates queued from an immediate do), which is
 * asyncio's "one iteration": `sleep(0)` is a trip through this queue.
 */
import type { CancelledError } from './errors.js';
import { queueMicrotaskWith } from './microtask.js';

/** What the loop and the futures need of a task: the runtime's Task, seen from here. */
export interface LoopTask {
  /** A step of this task begins: its code holds the thread. */
  stepStarted(): void;
  /** A step has run out of work (its microtasks drained): the task is suspended or done. */
  stepEnded(): void;
  /** The task is now suspended on this (pending) future: cancelling the task cancels it. */
  awaits(future: { cancel(message?: string): boolean }): void;
  /** The task wakes from the future it awaited: a cancel to deliver instead of its outcome, if any. */
  wakes(): CancelledError | undefined;
}

let current: LoopTask | undefined;
/** The task whose step is under way and has not been told of its end yet (see `leave`). */
let leaving: LoopTask | undefined;
/** Where to look for the current task when no step is under way (code resumed from a plain await). */
let fallback: (() => LoopTask | undefined) | undefined;

/**
 * The task whose code is running now: the one whose step is under way, or, for code resumed from
 * an await of something the runtime does not drive (a plain promise), the task found by `fallback`.
 */
export function currentTask(): LoopTask | undefined {
  return current ?? fallback?.();
}

/** The task whose step is under way, if one is (no looking on the stack). */
export function runningStep(): LoopTask | undefined {
  return current;
}

/** Runs `fn` with `task` current, for code of that task started outside its step (a coroutine's start). */
export function asTask<R>(task: LoopTask, fn: () => R): R {
  const previous = current;
  current = task;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

/** Sets how a task is found when no step is under way (the task module's async-stack lookup). */
export function setTaskFallback(find: () => LoopTask | undefined): void {
  fallback = find;
}

/**
 * Runs `fn(arg)` on a later turn of the loop, after what is already queued: asyncio's call_soon.
 * The callback runs outside any task (asyncio's `current_task()` is None in a plain callback).
 */
export function callSoon<A>(fn: (arg: A) => void, arg: A): void {
  schedule(undefined, fn as (arg: unknown) => void, arg);
}

/**
 * Runs `fn(arg)` as a step of `task` on a later turn: the task is current while the callback runs
 * and while the microtasks it sets off drain, and is told once they have.
 */
export function callSoonAsStep<A>(task: LoopTask, fn: (arg: A) => void, arg: A): void {
  schedule(task, fn as (arg: unknown) => void, arg);
}

/**
 * The ready queue's entries (task or undefined, function, argument), three slots each. Each entry
 * has one immediate, of one shared function: immediates run in the order they were made, so the
 * n-th takes the n-th entry, without an argument array per immediate.
 */
let ready: unknown[] = [];
let readyHead = 0;

function schedule(task: LoopTask | undefined, fn: (arg: unknown) => void, arg: unknown): void {
  ready.push(task, fn, arg);
  setImmediate(runReady);
}

function runReady(): void {
  const at = readyHead;
  const task = ready[at] as LoopTask | undefined;
  const fn = ready[at + 1] as (arg: unknown) => void;
  const arg = ready[at + 2];
  ready[at] = ready[at + 1] = ready[at + 2] = undefined;
  readyHead = at + 3;
  if (readyHead === ready.length) {
    ready = [];
    readyHead = 0;
  } else if (readyHead >= 3072 && readyHead * 2 >= ready.length) {
    // Entries keep coming before the queue empties (a long run of steps): drop the run part.
    ready = ready.slice(readyHead);
    readyHead = 0;
  }
  if (task === undefined) current = undefined;
  else enter(task);
  fn(arg);
}

/**
 * Makes `task` current from now until the microtasks queued so far, and those they queue, have
 * run: the rest of its step. The runner uses this for the main task's first step, which must run
 * in the timer callback that starts a run (a plain script's first code runs in such a callback).
 */
export function enter(task: LoopTask): void {
  if (leaving !== undefined && leaving !== task) leave();
  current = task;
  leaving = task;
  task.stepStarted();
  // A microtask that queues a tick: Node runs ticks queued by a microtask once the microtask
  // queue is empty, so `leave` runs after every promise job of the step, however deep.
  queueMicrotaskWith(armLeave, undefined);
}

function armLeave(): void {
  process.nextTick(leave);
}

function leave(): void {
  const task = leaving;
  if (task === undefined) return;
  leaving = undefined;
  if (current === task) current = undefined;
  task.stepEnded();
}
