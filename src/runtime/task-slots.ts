import { setTaskFallback, type LoopTask } from './loop.js';

/** What a slot tells the task it drives once the body has settled. */
export interface SlotTask extends LoopTask {
  bodyReturned(value: unknown): void;
  bodyThrew(error: unknown): void;
}

/**
 * Every task's body is awaited by a "slot": an async function with a name of its own
 * (`loopscope:task-17`), taken from a pool while the body runs. Code of the task resumed from an
 * await the runtime does not drive (a plain promise, a socket, a worker's message) runs outside any
 * step of the ready queue, so the loop cannot say whose it is; V8's async stack trace can: the
 * slot's name is on it, below every async function the body awaits. Looking costs a stack capture
 * (microseconds), so it is done only while some task is suspended on such an await, and only
 * when no step is under way. A pool, not a function per task: making and naming a function is
 * paid once per slot, and a run needs as many slots as tasks alive at once.
 */
const PREFIX = 'loopscope:task-';
const slots: ((task: SlotTask, body: PromiseLike<unknown>, index: number) => Promise<void>)[] = [];
const owners: (SlotTask | undefined)[] = [];
const free: number[] = [];
/** Tasks alive that have been suspended on a plain promise: while there are any, look on the stack. */
let rawWaits = 0;

function makeSlot(index: number): (typeof slots)[number] {
  const slot = async (task: SlotTask, body: PromiseLike<unknown>, at: number): Promise<void> => {
    let value: unknown;
    let failed = false;
    try {
      value = await body;
    } catch (error) {
      failed = true;
      value = error;
    }
    owners[at] = undefined;
    free.push(at);
    if (failed) task.bodyThrew(value);
    else task.bodyReturned(value);
  };
  Object.defineProperty(slot, 'name', { value: PREFIX + index });
  return slot;
}

/** Awaits `body` for `task` in a slot of its own, then tells the task how the body ended. */
export function driveBody(task: SlotTask, body: PromiseLike<unknown>): void {
  let index = free.pop();
  if (index === undefined) {
    index = slots.length;
    slots.push(makeSlot(index));
    owners.push(undefined);
  }
  owners[index] = task;
  void slots[index]!(task, body, index);
}

/** A task was suspended on a plain promise for the first time. */
export function trackRawWait(): void {
  rawWaits++;
}

/** A task that was once suspended on a plain promise has finished. */
export function untrackRawWait(): void {
  rawWaits--;
}

/** The task whose slot is on the async stack of the code running now, if any. */
function taskOnStack(): SlotTask | undefined {
  if (rawWaits === 0) return undefined;
  const limit = Error.stackTraceLimit;
  const prepare = Error.prepareStackTrace;
  let found: SlotTask | undefined;
  Error.stackTraceLimit = 256;
  Error.prepareStackTrace = (_error, sites) => {
    for (const site of sites) {
      const name = site.getFunctionName();
      if (name?.startsWith(PREFIX)) {
        found = owners[Number(name.slice(PREFIX.length))];
        break;
      }
    }
    return '';
  };
  try {
    const holder: { stack?: string } = {};
    Error.captureStackTrace(holder);
    void holder.stack;
  } finally {
    Error.stackTraceLimit = limit;
    Error.prepareStackTrace = prepare;
  }
  return found;
}

setTaskFallback(taskOnStack);
