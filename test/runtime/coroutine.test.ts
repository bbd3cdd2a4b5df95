import { describe, expect, it } from 'vitest';
import { RuntimeError } from '../../src/runtime/errors.js';
import { Runtime } from '../../src/runtime/runtime.js';
import { Tracker } from '../../src/runtime/tracker.js';
import { expectEntities } from '../helpers/entities.js';

describe('coroutine objects', () => {
  it('are lazy: calling the coroutine function runs nothing until awaited', async () => {
    const rt = new Runtime(new Tracker());
    const log: string[] = [];
    const asyncFunction = rt.coroutine(async function async_function(x: string) {
      log.push(`body ${x}`);
      return `Async Result: ${x}`;
    });
    const coro = asyncFunction('Test');
    log.push('created');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(log).toEqual(['created']);
    expect(`${coro}`).toBe('<coroutine object async_function>');
    expectEntities(rt.tracker.snapshot(), [{ kind: 'coroutine', name: 'async_function', state: 'created' }]);
    expect(await coro).toBe('Async Result: Test');
    expect(log).toEqual(['created', 'body Test']);
    expectEntities(rt.tracker.snapshot(), [{ name: 'async_function', state: 'resolved', value: 'Async Result: Test' }]);
  });

  it('a JS async function call, by contrast, runs its body at once', () => {
    const log: string[] = [];
    async function eager() {
      log.push('body');
    }
    void eager();
    log.push('after call');
    expect(log).toEqual(['body', 'after call']);
  });

  it('cannot be awaited twice', async () => {
    const rt = new Runtime(new Tracker());
    const coro = rt.coroutine(async () => 1)();
    await coro;
    expect(() => coro.then()).toThrow(RuntimeError);
  });

  it('a task wraps a coroutine object and shows its name', async () => {
    const rt = new Runtime(new Tracker());
    const fn = rt.coroutine(async function async_function() {
      return 'x';
    });
    const task = rt.createTask(fn());
    expect(task.repr()).toBe("<Task pending name='Task-1' coro=<async_function()>>");
    expect(await task).toBe('x');
  });
});
