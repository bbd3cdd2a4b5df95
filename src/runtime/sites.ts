import { findSourceMap } from 'node:module';

type Frame = NodeJS.CallSite;

/** Stack frames as V8 hands them to prepareStackTrace: structured, not yet made text. */
function framesOf(_error: Error, frames: Frame[]): Frame[] {
  return frames;
}

/**
 * Where the code that called `api` is, as `file:line:col` (1-based): the first frame below `api`
 * on the stack, read as V8's structured frames (a few microseconds, no text made). A file Node
 * holds a source map for (a TypeScript `--file` loaded by tsx) is mapped to its own lines here; a
 * frame in loopscope's bundle is mapped by whoever shows it (see observer/sites.ts).
 */
export function callerOf(api: (...args: never[]) => unknown): string | undefined {
  const prepare = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  const holder: { stack?: Frame[] } = {};
  try {
    Error.prepareStackTrace = framesOf;
    Error.stackTraceLimit = 1;
    Error.captureStackTrace(holder, api);
    const frame = holder.stack?.[0];
    const file = frame?.getFileName();
    if (!frame || !file) return undefined;
    const line = frame.getLineNumber() ?? 0;
    const column = frame.getColumnNumber() ?? 0;
    const entry = findSourceMap(file)?.findEntry(line - 1, column - 1);
    if (entry && 'originalSource' in entry) return `${entry.originalSource}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
    return `${file}:${line}:${column}`;
  } catch {
    return undefined;
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
  }
}
