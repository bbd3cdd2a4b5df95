import { inspect } from 'node:util';

/**
 * asyncio's exceptions, with Python's names and messages: a program that prints one prints what
 * Python prints. A message is empty unless one was given, as in Python.
 */

/**
 * A Python exception: its message, and the arguments it was made with, which its repr shows
 * (`CancelledError()` made with none, `CancelledError('')` made with an empty one).
 */
export class PyError extends Error {
  readonly args: readonly string[];
  constructor(message?: string) {
    super(message ?? '');
    this.args = message === undefined ? [] : [message];
  }
}

/** Raised inside a cancelled task at its current await, and by result() of a cancelled future. */
export class CancelledError extends PyError {
  override name = 'CancelledError';
}

/** Raised when a Future is asked for something its state does not allow (asyncio.InvalidStateError). */
export class InvalidStateError extends PyError {
  override name = 'InvalidStateError';
}

/** Raised by waitFor, wait and timeout when the time is up (Python's builtin TimeoutError). */
export class TimeoutError extends PyError {
  override name = 'TimeoutError';
}

/** Python's RuntimeError, for misuse such as awaiting a coroutine object twice. */
export class RuntimeError extends PyError {
  override name = 'RuntimeError';
}

/** Python's ValueError: a call with a value it cannot take (one taskDone() too many, say). */
export class ValueError extends PyError {
  override name = 'ValueError';
}

/** Raised by Queue.putNowait on a full queue. */
export class QueueFull extends PyError {
  override name = 'QueueFull';
}

/** Raised by Queue.getNowait on an empty queue. */
export class QueueEmpty extends PyError {
  override name = 'QueueEmpty';
}

/** Raised by a TaskGroup when tasks in it failed (Python's ExceptionGroup): `exceptions` holds them. */
export class ExceptionGroup extends Error {
  override name = 'ExceptionGroup';
  /** The message without the count, as Python keeps it. */
  readonly description: string;
  constructor(
    message: string,
    readonly exceptions: readonly unknown[],
  ) {
    super(`${message} (${exceptions.length} sub-exception${exceptions.length === 1 ? '' : 's'})`);
    this.description = message;
  }
}

/** One line describing an error, as a panel or a transcript shows it: `Name: message`, or the name. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}

/**
 * An uncaught value as a console shows it: an Error by its name and message, anything else as the
 * code wrote it ('boom', 42, {}), the way Node's REPL shows an uncaught value (String() would
 * throw for an object with no prototype).
 */
export function thrownText(thrown: unknown): string {
  return thrown instanceof Error ? errorText(thrown) : inspect(thrown, { breakLength: Infinity, depth: 1 });
}
