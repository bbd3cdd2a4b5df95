/**
 * loopscope's public module: what a scenario, or a user's `--file` module, may import (as
 * `loopscope`) besides `ctx` itself. Types to write a scenario with, the asyncio error classes to
 * catch, and a few helpers; nothing here reaches into the dashboard.
 */
export type { Ctx } from './agent/context.js';
export { defineScenario } from './scenario.js';
export type { Localized, Scenario } from './scenario.js';
export type { Lang } from './settings.js';
export { ExceptionGroup, Queue, Semaphore } from './runtime/combinators.js';
export type { TaskGroupHandle } from './runtime/combinators.js';
export { CoroutineObject } from './runtime/coroutine.js';
export { CancelledError, errorText, InvalidStateError, RuntimeError, TimeoutError } from './runtime/errors.js';
export { Future } from './runtime/future.js';
export { pyRepr } from './runtime/repr.js';
export type { Awaitable } from './runtime/runtime.js';
export { Task } from './runtime/task.js';
export type { TaskBody } from './runtime/task.js';
