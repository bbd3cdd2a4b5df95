import { CancelledError } from './errors.js';
import { BaseFuture, Future, pyNamed } from './future.js';
import type { Awaitable, Runtime } from './runtime.js';

/** gather's outer future: cancelling it cancels the children, and it ends once they report. */
class GatheringFuture<T> extends Future<T> {
  #children: readonly BaseFuture<unknown>[] = [];
  /** asyncio's _cancel_requested: a cancel reached a child, so the gather ends cancelled. */
  cancelRequested = false;

  adopt(children: readonly BaseFuture<unknown>[]): void {
    this.#children = children;
  }

  override cancel(message?: string): boolean {
    if (this.done()) return false;
    let cancelled = false;
    for (const child of this.#children) if (child.cancel(message)) cancelled = true;
    if (cancelled) this.cancelRequested = true;
    return cancelled;
  }
}

/** The CancelledError a cancelled child raises (asyncio's _make_cancelled_error of it). */
function cancelledErrorOf(child: BaseFuture<unknown>): CancelledError {
  try {
    child.result();
  } catch (error) {
    if (error instanceof CancelledError) return error;
  }
  return new CancelledError();
}

/** A cancelled child's slot among the results: a new CancelledError with its message, '' if none. */
function cancelledSlot(child: BaseFuture<unknown>): CancelledError {
  return new CancelledError(BaseFuture.cancelMessageOf(child) ?? '');
}

/** Options of gather: asyncio's return_exceptions, and the outer future's name on screen. */
export interface GatherOptions {
  readonly returnExceptions?: boolean;
  readonly name?: string;
}

/**
 * asyncio.gather (Python 3.11): runs the awaitables concurrently (coroutine objects become tasks)
 * and resolves with their results in argument order. The first failure (or cancelled child) ends
 * the gather unless `returnExceptions`; the others go on. Cancelling the gather cancels the
 * children, with the message, and it ends with CancelledError once they have reported.
 */
export function gather<T extends readonly unknown[]>(runtime: Runtime, works: readonly Awaitable<unknown>[], options: GatherOptions = {}): Future<T> {
  const outer = new GatheringFuture<T>(runtime.tracker, { name: options.name ?? 'gather', parent: runtime.parent() });
  const byWork = new Map<Awaitable<unknown>, BaseFuture<unknown>>();
  const children = works.map((work) => {
    let child = byWork.get(work);
    if (!child) {
      child = runtime.ensureFuture(work);
      byWork.set(work, child);
    }
    return child;
  });
  outer.adopt(children);
  const total = byWork.size;
  if (total === 0) {
    outer.setResult([] as unknown as T);
    return outer;
  }
  let finished = 0;
  const doneCallback = pyNamed('gather.<locals>._done_callback', (child: BaseFuture<unknown>) => {
    finished++;
    if (outer.done()) return;
    if (!options.returnExceptions) {
      if (child.cancelled()) {
        outer.setException(cancelledErrorOf(child));
        return;
      }
      const error = child.exception();
      if (error !== null) {
        outer.setException(error);
        return;
      }
    }
    if (finished < total) return;
    const results = children.map((c) => (c.cancelled() ? cancelledSlot(c) : (c.exception() ?? c.result())));
    // Python takes the last child to report, cancelled or not: a CancelledError() either way.
    if (outer.cancelRequested) outer.setException(cancelledErrorOf(child));
    else outer.setResult(results as unknown as T);
  });
  for (const child of byWork.values()) child.addDoneCallback(doneCallback);
  return outer;
}
