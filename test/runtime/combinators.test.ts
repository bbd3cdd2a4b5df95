import { describe, expect, it } from 'vitest';
import { CancelledError, ExceptionGroup, TimeoutError } from '../../src/runtime/errors.js';
import { gather } from '../../src/runtime/gather.js';
import { Semaphore } from '../../src/runtime/locks.js';
import { Queue } from '../../src/runtime/queue.js';
import { TaskGroup } from '../../src/runtime/task-group.js';
import { asCompleted, waitFor } from '../../src/runtime/waits.js';
import { Runtime } from '../../src/runtime/runtime.js';
import { Tracker } from '../../src/runtime/tracker.js';

const setup = () => new Runtime(new Tracker());

describe('combinators', () => {
  it('gather runs concurrently and keeps argument order', async () => {
    const rt = setup();
    const job = rt.coroutine(async (ms: number) => {
      await rt.clock.sleep(ms);
      return ms;
    });
    const start = performance.now();
    const results = await gather(rt, [job(60), job(20), job(40)]);
    const took = performance.now() - start;
    expect(results).toEqual([60, 20, 40]);
    expect(took).toBeLessThan(60 * 2);
  });

  it('gather rejects with the first failure; returnExceptions collects them', async () => {
    const rt = setup();
    const fail = async () => {
      throw new Error('no');
    };
    await expect(gather(rt, [rt.createTask(fail), rt.createTask(async () => 1)])).rejects.toThrow('no');
    const mixed = await gather(rt, [rt.createTask(fail), rt.createTask(async () => 1)], { returnExceptions: true });
    expect(mixed[0]).toBeInstanceOf(Error);
    expect(mixed[1]).toBe(1);
  });

  it('waitFor times out and cancels the task', async () => {
    const rt = setup();
    const slow = rt.createTask(async () => rt.clock.sleep(5_000));
    await expect(waitFor(rt, slow, 30)).rejects.toBeInstanceOf(TimeoutError);
    await expect(slow).rejects.toBeInstanceOf(CancelledError);
    expect(slow.record.state).toBe('cancelled');
    expect(await waitFor(rt, rt.createTask(async () => 'fast'), 1000)).toBe('fast');
  });

  it('asCompleted yields in completion order', async () => {
    const rt = setup();
    const after = (ms: number) => rt.createTask(async () => rt.clock.sleep(ms, ms));
    const order: number[] = [];
    for (const next of asCompleted(rt, [after(50), after(10), after(30)])) order.push(await next);
    expect(order).toEqual([10, 30, 50]);
  });

  it('a Semaphore never lets more than its limit in', async () => {
    const rt = setup();
    const sem = new Semaphore(3);
    let inside = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        sem.with(async () => {
          peak = Math.max(peak, ++inside);
          await rt.clock.sleep(5);
          inside--;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(sem.held).toBe(0);
  });

  it('a bounded Queue makes producers wait while full', async () => {
    const queue = new Queue<number>(2);
    await queue.put(1);
    await queue.put(2);
    let thirdIn = false;
    const third = queue.put(3).then(() => (thirdIn = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(thirdIn).toBe(false);
    expect(queue.blockedPutters).toBe(1);
    expect(await queue.get()).toBe(1);
    await third;
    expect(thirdIn).toBe(true);
    expect([await queue.get(), await queue.get()]).toEqual([2, 3]);
    queue.taskDone();
    queue.taskDone();
    queue.taskDone();
    await queue.join();
  });

  it('a TaskGroup cancels the siblings of a failing task and raises an ExceptionGroup', async () => {
    const rt = setup();
    const tasks: { state: string }[] = [];
    // A group belongs to the task it runs in, as `async with TaskGroup()` does.
    const group = rt.createTask(() =>
      new TaskGroup(rt).run((tg) => {
        tasks.push(tg.createTask(async () => rt.clock.sleep(2_000), 'slow').record);
        tasks.push(
          tg.createTask(async () => {
            await rt.clock.sleep(10);
            throw new Error('broken');
          }, 'bad').record,
        );
      }),
    );
    await expect(group).rejects.toBeInstanceOf(ExceptionGroup);
    expect(tasks.map((t) => t.state)).toEqual(['cancelled', 'rejected']);
  });
});

describe('waiting on a queue or a semaphore', () => {
  it('a task parked on an empty queue is cancelled at once, and the queue forgets it', async () => {
    const rt = setup();
    const queue = new Queue<number>();
    const consumer = rt.createTask(async () => queue.get(), 'consumer');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(consumer.record.state).toBe('waiting');
    consumer.cancel();
    await expect(consumer).rejects.toBeInstanceOf(CancelledError);
    await queue.put(1);
    expect(queue.qsize()).toBe(1);
  });

  it('a producer parked on a full queue is cancelled at once', async () => {
    const rt = setup();
    const queue = new Queue<number>(1);
    await queue.put(1);
    const producer = rt.createTask(async () => queue.put(2), 'producer');
    await new Promise((resolve) => setTimeout(resolve, 5));
    producer.cancel();
    await expect(producer).rejects.toBeInstanceOf(CancelledError);
    expect(queue.blockedPutters).toBe(0);
  });

  it('a task waiting for a permit is cancelled without taking one', async () => {
    const rt = setup();
    const sem = new Semaphore(1);
    await sem.acquire();
    const waiter = rt.createTask(async () => sem.acquire(), 'waiter');
    await new Promise((resolve) => setTimeout(resolve, 5));
    waiter.cancel();
    await expect(waiter).rejects.toBeInstanceOf(CancelledError);
    expect(sem.waiting).toBe(0);
    sem.release();
    expect(sem.held).toBe(0);
  });
});

describe('waitFor unwinding', () => {
  it('raises TimeoutError only after the cancelled task ran its finally', async () => {
    const rt = setup();
    const log: string[] = [];
    const slow = rt.createTask(async () => {
      try {
        await rt.clock.sleep(5_000);
      } finally {
        await rt.clock.sleep(20);
        log.push('cleaned up');
      }
    });
    await expect(waitFor(rt, slow, 20)).rejects.toBeInstanceOf(TimeoutError);
    expect(log).toEqual(['cleaned up']);
    expect(slow.record.state).toBe('cancelled');
  });

  it('gives the result of a body that swallows the cancel', async () => {
    const rt = setup();
    const stubborn = rt.createTask(async () => {
      try {
        await rt.clock.sleep(5_000);
        return 'finished';
      } catch {
        return 'gave up politely';
      }
    });
    expect(await waitFor(rt, stubborn, 20)).toBe('gave up politely');
  });
});
