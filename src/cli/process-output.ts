import type { Sink } from '../headless/headless.js';
import { systemReason } from '../text/system-error.js';

type StreamName = 'stdout' | 'stderr';

/** The process's stdout and stderr as sinks, and a signal that says when their reader went away. */
export interface ProcessOutput {
  readonly out: Sink;
  readonly err: Sink;
  /** Aborted at the first write error: EPIPE when `| head` has read enough, or a real failure. */
  readonly closed: AbortSignal;
  /**
   * The exit code of a transcript whose runs ended with `code`: 1 when a write failed (a full
   * disk), after one line on stderr saying so; `code` otherwise. A reader that went away (EPIPE)
   * is no failure: a program in a pipeline is expected to end quietly then.
   */
  exitCode(code: number): Promise<number>;
}

/**
 * Sinks on process.stdout and process.stderr for a transcript. A write error unhandled is a stack
 * trace; here the first one aborts `closed` instead (the caller stops the run) and later writes
 * are dropped. Each stream is first touched by the first write to it (see HeadlessOptions).
 */
export function processOutput(): ProcessOutput {
  const controller = new AbortController();
  let failure: { readonly stream: StreamName; readonly error: unknown } | undefined;
  const watched = new Set<StreamName>();
  const watch = (stream: StreamName): NodeJS.WriteStream => {
    const target = process[stream];
    if (watched.has(stream)) return target;
    watched.add(stream);
    // Kept for the life of the process: a write already under way may still fail later.
    target.on('error', (error: NodeJS.ErrnoException) => {
      if (controller.signal.aborted) return;
      if (error.code !== 'EPIPE') failure = { stream, error };
      controller.abort();
    });
    return target;
  };
  const sink = (stream: StreamName): Sink => ({
    write(text) {
      if (controller.signal.aborted) return false;
      return watch(stream).write(text);
    },
  });
  return {
    out: sink('stdout'),
    err: sink('stderr'),
    closed: controller.signal,
    async exitCode(code) {
      // A write that failed reports it a tick later: let the last one's error arrive.
      await new Promise((resolve) => setImmediate(resolve));
      if (!failure) return code;
      // Said on stderr, unless stderr is what failed: then the exit code alone tells.
      if (failure.stream === 'stdout') watch('stderr').write(`loopscope: cannot write the transcript to stdout: ${systemReason(failure.error)}\n`);
      return 1;
    },
  };
}
