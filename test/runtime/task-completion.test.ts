import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/runtime/errors.js';
import { Runtime } from '../../src/runtime/runtime.js';
import { Tracker } from '../../src/runtime/tracker.js';

const runtime = () => new Runtime(new Tracker());
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Collects the unhandled rejections raised while `body` runs and a few turns after it. */
async function unhandledDuring(body: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const record = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', record);
  try {
    await body();
    for (let i = 0; i < 3; i++) await turn();
  } finally {
    process.off('unhandledRejection', record);
  }
  return seen;
}

describe('awaiting a task', () => {
  it('starts tasks in creation order once the creator yields to the loop, after its promise jobs', async () => {
    const rt = runtime();
    const order: string[] = [];
    const a = rt.createTask(async () => void order.push('a starts'));
    void Promise.resolve().then(() => order.push('a promise job'));
    const b = rt.createTask(async () => void order.push('b starts'));
    queueMicrotask(() => order.push('a microtask'));
    await Promise.all([a, b]);
    expect(order).toEqual(['a promise job', 'a microtask', 'a starts', 'b starts']);
  });

  it('gives the body’s value or error, whether awaited before the body ends or after', async () => {
    const rt = runtime();
    const ok = rt.createTask(async () => {
      await rt.clock.sleep(5);
      return 'done';
    });
    const bad = rt.createTask(async () => {
      await rt.clock.sleep(5);
      throw new RangeError('too far');
    });
    await turn(); // both started and suspended: awaiting now chains on their bodies
    const early = [ok.then((v) => v), bad.then(undefined, (e: unknown) => (e as Error).message)];
    expect(await Promise.all(early)).toEqual(['done', 'too far']);
    // Awaited once settled: the same outcome.
    expect(await ok).toBe('done');
    await expect(bad).rejects.toThrow(RangeError);
  });

  it('an AbortError from a signal-aware API reaches awaiters as CancelledError', async () => {
    const rt = runtime();
    const task = rt.createTask(async (signal: AbortSignal) => {
      await new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }))),
      );
    });
    await turn();
    const awaited = task.then(
      () => 'resolved',
      (e: unknown) => e,
    );
    task.cancel('stop');
    expect(await awaited).toBeInstanceOf(CancelledError);
    expect(task.cancelled()).toBe(true);
  });

  it('a task that fails or is cancelled with nobody awaiting it raises no unhandled rejection', async () => {
    const rt = runtime();
    const seen = await unhandledDuring(async () => {
      rt.createTask(async () => {
        await rt.clock.sleep(1);
        throw new Error('nobody listens');
      });
      const sleeper = rt.createTask(async () => rt.clock.sleep(1000));
      await turn();
      sleeper.cancel();
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect(seen).toEqual([]);
    expect(rt.tracker.snapshot().counts).toMatchObject({ rejected: 1, cancelled: 1 });
  });

  it('an abandoned task: later awaiters get CancelledError at once, earlier ones when the body ends', async () => {
    const rt = runtime();
    let finish!: (value: string) => void;
    const task = rt.createTask(async () => {
      // Ignores cancellation: awaits something the runtime cannot interrupt.
      return new Promise<string>((resolve) => (finish = resolve));
    });
    await turn();
    const early = task.then(
      (v) => v,
      (e: unknown) => e,
    );
    task.cancel('please stop');
    task.abandon('gave up');
    expect(task.cancelled()).toBe(true);
    await expect(task).rejects.toThrow('gave up');
    finish('too late');
    expect(await early).toBeInstanceOf(CancelledError);
    expect(task.record.state).toBe('cancelled');
  });
});
