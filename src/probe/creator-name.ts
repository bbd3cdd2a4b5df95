import { basename } from 'node:path';

/** Frames of Node's own promise-hook plumbing, between a hook and the code that made the promise. */
const PLUMBING = 'node:internal/promise_hooks';
/** The name of a promise Node made for itself (its module loader's, or one inside an fs.promises call). */
export const NODE_OWN = '';
const holder: { stack?: unknown } = {};

/**
 * The name of what made the promise whose init hook `hook` is running: an async function's own
 * name (V8 makes its promise as the function starts), or `new Promise in load` and
 * `Promise.all in main` for the built-ins; NODE_OWN for one that Node's own code made for Node's
 * own code (the module loader's, the steps inside an fs.promises call, not the call itself). A
 * stack capture of a few frames, so a few µs: the caller rations it. Undefined when the stack
 * cannot be read (a program that froze Error).
 */
export function creatorName(hook: (...args: never[]) => unknown): string | undefined {
  const limit = Error.stackTraceLimit;
  const prepare = Error.prepareStackTrace;
  try {
    Error.stackTraceLimit = 6;
    Error.prepareStackTrace = nameFromFrames;
    Error.captureStackTrace(holder, hook);
    return holder.stack as string | undefined;
  } catch {
    return undefined;
  } finally {
    holder.stack = undefined;
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
  }
}

function nameFromFrames(_error: unknown, frames: NodeJS.CallSite[]): string | undefined {
  let at = 0;
  while (at < frames.length && frames[at]!.getFileName() === PLUMBING) at++;
  const top = frames[at];
  if (!top) return undefined;
  // Built-ins (the Promise constructor, Promise.all, Array.map...) have no file: the promise is
  // the doing of the first frame with one, called by the next.
  const withFile = frames.slice(at).filter((frame) => frame.getFileName());
  const [maker, caller] = withFile;
  if (maker && isNode(maker) && (!caller || isNode(caller))) return NODE_OWN;
  if (top.getFileName()) return frameName(top);
  const fn = top.getFunctionName();
  const what = fn === 'Promise' ? 'new Promise' : `Promise.${fn ?? 'then'}`;
  return maker ? `${what} in ${frameName(maker)}` : what;
}

/** A frame of Node's own code. */
function isNode(frame: NodeJS.CallSite): boolean {
  return frame.getFileName()?.startsWith('node:') ?? false;
}

/** A frame's function, or where it is for an anonymous one (`app.mjs:12`). */
function frameName(frame: NodeJS.CallSite): string {
  return frame.getFunctionName() ?? `${basename(frame.getFileName() ?? '?')}:${frame.getLineNumber() ?? '?'}`;
}
