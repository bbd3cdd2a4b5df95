import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/runtime/errors.js';
import { Runtime } from '../../src/runtime/runtime.js';
import { Task } from '../../src/runtime/task.js';
import { Tracker } from '../../src/runtime/tracker.js';
import { expectEntities } from '../helpers/entities.js';

const runtime = () => new Runtime(new Tracker());

describe('Task', () => {
  it('is pending when printed right after creation, and its body has not started', async () => {
    const rt = runtime();
    let ran = false;
    const task = rt.createTask(async function work() {
      ran = true;
      return 'done';
    });
    expect(`${task}`).toBe("<Task pending name='Task-1' coro=<work()>>");
    expect(ran).toBe(false);
    expectEntities(rt.tracker.snapshot(), [{ name: 'Task-1', state: 'pending' }]);
    expect(await task).toBe('done');
    expect(ran).toBe(true);
    expect(task.repr()).toBe("<Task finished name='Task-1' coro=<work()> result='done'>");
  });

  it('names tasks Task-1, Task-2... and takes a given name, which uses up a number, as asyncio.create_task does', () => {
    const rt = runtime();
    const a = rt.createTask(async () => 1);
    const b = rt.createTask('fetch', async () => 2);
    const c = rt.createTask(async () => 3);
    expect([a.name, b.name, c.name]).toEqual(['Task-1', 'fetch', 'Task-3']);
  });

  it('is a future: done callbacks, result(), exception()', async () => {
    const rt = runtime();
    const task = rt.createTask(async () => 42);
    const fromCallback = new Promise((resolve) => task.addDoneCallback((t) => resolve(t.result())));
    expect(await fromCallback).toBe(42);
    expect(task.exception()).toBeNull();
  });

  it('goes running then waiting while suspended at a sleep, then resolved', async () => {
    const rt = runtime();
    const seen: string[] = [];
    const task = rt.createTask(async () => {
      seen.push(rt.tracker.find(1)!.state);
      await rt.clock.sleep(20);
      seen.push(rt.tracker.find(1)!.state);
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    seen.push(rt.tracker.find(1)!.state);
    await task;
    seen.push(task.record.state);
    expect(seen).toEqual(['running', 'waiting', 'running', 'resolved']);
  });

  it('cancel during a sleep ends cancelled and runs finally', async () => {
    const rt = runtime();
    const log: string[] = [];
    const task = rt.createTask(async () => {
      try {
        await rt.clock.sleep(10_000);
        log.push('woke');
      } finally {
        log.push('finally');
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const started = performance.now();
    expect(task.cancel('enough')).toBe(true);
    await expect(task).rejects.toBeInstanceOf(CancelledError);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(log).toEqual(['finally']);
    expect(task.cancelled()).toBe(true);
    expectEntities(rt.tracker.snapshot(), [{ name: 'Task-1', state: 'cancelled', error: 'CancelledError: enough' }]);
  });

  it('cancel before it starts: the body never runs', async () => {
    const rt = runtime();
    let ran = false;
    const task = rt.createTask(async () => {
      ran = true;
    });
    task.cancel();
    await expect(task).rejects.toBeInstanceOf(CancelledError);
    expect(ran).toBe(false);
  });

  it('cancel while running synchronously is delivered at the next sleep', async () => {
    const rt = runtime();
    const task: Task<string> = rt.createTask(async (): Promise<string> => {
      task.cancel();
      try {
        await rt.clock.sleep(10);
        return 'slept';
      } catch (error) {
        return error instanceof CancelledError ? 'cancelled at sleep' : 'other';
      }
    });
    expect(await task).toBe('cancelled at sleep');
  });

  it('cancel aborts the signal a body asked for', async () => {
    const rt = runtime();
    const task = rt.createTask(async (signal: AbortSignal) => {
      await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    task.cancel();
    await expect(task).rejects.toBeInstanceOf(CancelledError);
    expect(task.record.state).toBe('cancelled');
  });

  it('an exception in the body surfaces when awaited and the task is rejected', async () => {
    const rt = runtime();
    const task = rt.createTask(async () => {
      await rt.clock.sleep(1);
      throw new TypeError('bad input');
    });
    await expect(task).rejects.toThrow('bad input');
    expect(task.record.state).toBe('rejected');
    expect(task.record.error).toBe('TypeError: bad input');
  });

  it('nests what a task creates under it', async () => {
    const rt = runtime();
    const outer = rt.createTask(async () => {
      const inner = rt.createTask(async () => 1, 'inner');
      const future = rt.createFuture('f');
      future.setResult(1);
      return inner;
    });
    await outer;
    const snap = rt.tracker.snapshot();
    expectEntities(snap, [
      { name: 'inner', parent: outer.record.id },
      { name: 'f', parent: outer.record.id },
    ]);
  });
});
