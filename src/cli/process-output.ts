import type { Sink } from '../headless/headless.js';

/** The process's stdout and stderr as sinks, and a signal that says when their reader went away. */
export interface ProcessOutput {
  readonly out: Sink;
  readonly err: Sink;
  /** Aborted at the first write error (EPIPE when `| head` has read enough). */
  readonly closed: AbortSignal;
}

/**
 * Sinks on process.stdout and process.stderr for a transcript. A reader that stops reading
 * (`loopscope --json | head -3`) makes the next write fail with EPIPE, which unhandled is a stack
 * trace; here it aborts `closed` instead (the caller stops the run and exits quietly) and later
 * writes are dropped. Each stream is first touched by the first write to it (see HeadlessOptions).
 */
export function processOutput(): ProcessOutput {
  const controller = new AbortController();
  const onError = () => {
    if (!controller.signal.aborted) controller.abort();
  };
  const sink = (stream: () => NodeJS.WriteStream): Sink => {
    let watched = false;
    return {
      write(text) {
        if (controller.signal.aborted) return false;
        const target = stream();
        if (!watched) {
          watched = true;
          // Kept for the life of the process: a write already under way may still fail later.
          target.on('error', onError);
        }
        return target.write(text);
      },
    };
  };
  return { out: sink(() => process.stdout), err: sink(() => process.stderr), closed: controller.signal };
}
