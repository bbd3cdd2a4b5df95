import { describe, expect, it } from 'vitest';
import { CancelledError, InvalidStateError } from '../../src/runtime/errors.js';
import { Future } from '../../src/runtime/future.js';
import { Tracker } from '../../src/runtime/tracker.js';
import { expectEntities } from '../helpers/entities.js';

const make = <T = unknown>() => {
  const tracker = new Tracker();
  return { tracker, future: new Future<T>(tracker) };
};

describe('Future', () => {
  it('starts pending and prints like asyncio', () => {
    const { tracker, future } = make<string>();
    expect(future.done()).toBe(false);
    expect(`${future}`).toBe('<Future pending>');
    expectEntities(tracker.snapshot(), [{ kind: 'future', name: 'Future-1', state: 'pending' }]);
  });

  it('result() on a pending future throws InvalidStateError', () => {
    const { future } = make();
    expect(() => future.result()).toThrow(InvalidStateError);
    expect(() => future.exception()).toThrow(InvalidStateError);
  });

  it('setResult finishes it; awaiting gives the result; repr shows it', async () => {
    const { tracker, future } = make<string>();
    future.setResult('Test');
    expect(future.done()).toBe(true);
    expect(future.result()).toBe('Test');
    expect(future.exception()).toBeNull();
    expect(future.repr()).toBe("<Future finished result='Test'>");
    await expect(future).resolves.toBe('Test');
    expectEntities(tracker.snapshot(), [{ name: 'Future-1', state: 'resolved', value: 'Test' }]);
  });

  it('setting a finished future throws InvalidStateError', () => {
    const { future } = make<number>();
    future.setResult(1);
    expect(() => future.setResult(2)).toThrow(InvalidStateError);
    expect(() => future.setException(new Error('late'))).toThrow(InvalidStateError);
    expect(future.result()).toBe(1);
  });

  it('setException rejects awaiters and result() rethrows', async () => {
    const { tracker, future } = make();
    const awaited = future.then(
      () => 'resolved',
      (e: unknown) => (e as Error).message,
    );
    future.setException(new Error('boom'));
    expect(await awaited).toBe('boom');
    expect(() => future.result()).toThrow('boom');
    expect(future.repr()).toBe("<Future finished exception=Error('boom')>");
    expectEntities(tracker.snapshot(), [{ state: 'rejected', error: 'Error: boom' }]);
  });

  it('cancel() cancels a pending future once; result() raises CancelledError', async () => {
    const { tracker, future } = make();
    expect(future.cancel('no longer needed')).toBe(true);
    expect(future.cancel()).toBe(false);
    expect(future.cancelled()).toBe(true);
    expect(() => future.result()).toThrow(CancelledError);
    await expect(future).rejects.toBeInstanceOf(CancelledError);
    expect(future.repr()).toBe('<Future cancelled>');
    expectEntities(tracker.snapshot(), [{ state: 'cancelled' }]);
  });

  it('done callbacks run on a later turn, not inside setResult', async () => {
    const { future } = make<string>();
    const order: string[] = [];
    future.addDoneCallback((f) => order.push(`callback ${f.result()}`));
    future.setResult('x');
    order.push('after setResult');
    await Promise.resolve();
    order.push('after a microtask');
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['after setResult', 'after a microtask', 'callback x']);
  });

  it('a callback added after the end still runs, later', async () => {
    const { future } = make<number>();
    future.setResult(7);
    const seen = await new Promise((resolve) => future.addDoneCallback((f) => resolve(f.result())));
    expect(seen).toBe(7);
  });
});
