/**
 * loopscope's public module: what a scenario, or a user's `--file` module, may import (as
 * `loopscope`) besides `ctx` itself. Types to write a scenario with, the asyncio error classes to
 * catch, and a few helpers; nothing here reaches into the dashboard.
 */
export type { Ctx } from './agent/context.js';
export { defineScenario } from './scenario.js';
export type { Localized, Scenario } from './scenario.js';
export type { Lang } from './settings.js';
export { CoroutineObject } from './runtime/coroutine.js';
export { CancelledError, errorText, ExceptionGroup, InvalidStateError, QueueEmpty, QueueFull, RuntimeError, TimeoutError, ValueError } from './runtime/errors.js';
export { Future } from './runtime/future.js';
export type { GatherOptions } from './runtime/gather.js';
export { BoundedSemaphore, Event, Lock, Semaphore } from './runtime/locks.js';
export { Queue } from './runtime/queue.js';
export { pyRepr, pyStr } from './runtime/repr.js';
export { TaskGroup } from './runtime/task-group.js';
export { Timeout } from './runtime/waits.js';
export type { ReturnWhen, WaitOptions } from './runtime/waits.js';
export type { Awaitable } from './runtime/runtime.js';
export { Task } from './runtime/task.js';
export type { TaskBody } from './runtime/task.js';
