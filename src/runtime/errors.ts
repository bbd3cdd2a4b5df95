/** Raised when a Future is asked for something its state does not allow (asyncio.InvalidStateError). */
export class InvalidStateError extends Error {
  override name = 'InvalidStateError';
}

/** Raised inside a cancelled task at its current await, and by result() of a cancelled future. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  constructor(message = 'cancelled') {
    super(message);
  }
}

/** Raised by waitFor when the awaited work did not finish in time. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/** Python's RuntimeError, for misuse such as awaiting a coroutine object twice. */
export class RuntimeError extends Error {
  override name = 'RuntimeError';
}

/** One line describing an error, as a panel or a transcript shows it. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}
