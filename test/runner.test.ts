import { describe, expect, it } from 'vitest';
import { Run } from '../src/agent/runner.js';
import { CancelledError } from '../src/runtime/errors.js';
import { findScenario, loadBuiltin } from '../scenarios/index.js';
import { describe as describeEntities, expectEntities } from './helpers/entities.js';
import { runScenario, scenarioOf } from './helpers/run-scenario.js';
import { until } from './helpers/until.js';

/** True when the run's entity called `name` waits (on a sleep, a future, any promise). */
function waiting(run: Run, name: string): boolean {
  return run.tracker.snapshot().entities.some((e) => e.name === name && e.state === 'waiting');
}

describe('runner', () => {
  it('captures console.log and console.error as log lines, none reach the terminal', async () => {
    const { out, err, result } = await runScenario(
      scenarioOf(async () => {
        console.log('to stdout', 1);
        console.error('to stderr');
        console.info('info is stdout');
        console.warn('warn is stderr');
      }),
    );
    expect(out).toEqual(['to stdout 1', 'info is stdout']);
    expect(err).toEqual(['to stderr', 'warn is stderr']);
    expect(result).toMatchObject({ status: 'ended', ok: true, leaks: [] });
  });

  it('starts from a fresh macrotask: nextTick runs before promise jobs, as in a timer callback', async () => {
    const { out } = await runScenario(
      scenarioOf(async () => {
        Promise.resolve().then(() => console.log('promise'));
        process.nextTick(() => console.log('tick'));
        console.log('sync');
      }),
    );
    expect(out).toEqual(['sync', 'tick', 'promise']);
  });

  it('waits, like node, for timers the run scheduled before ending', async () => {
    const { out, result } = await runScenario(
      scenarioOf(async () => {
        setTimeout(() => console.log('late'), 50);
      }),
    );
    expect(out).toEqual(['late']);
    expect(result.leaks).toEqual([]);
  });

  it('runs the seed scenario with the same lines as the Python program', async () => {
    const { out, result, snap } = await runScenario(loadBuiltin(findScenario('seed')!));
    expect(out.slice(0, 4)).toEqual([
      'This is a synchronous function',
      'Sync Results: Test',
      'Empty Future: <Future pending>',
      'Future Result: Test',
    ]);
    expect(out[4]).toBe('<coroutine object async_function>');
    expect(out[7]).toBe("<Task pending name='Task-2' coro=<async_function()>>");
    expect(result.wallMs).toBeGreaterThan(290);
    expect(result.wallMs).toBeLessThan(1500);
    expectEntities(snap, [
      { name: 'Task-1', kind: 'task', state: 'resolved' },
      { name: 'Future-1', kind: 'future', state: 'resolved', value: 'Future Result: Test' },
      { name: 'async_function', kind: 'coroutine', state: 'resolved' },
      { name: 'Task-2', kind: 'task', state: 'resolved', value: 'Async Result: Test' },
    ]);
    expect(snap.marks.filter((m) => m.kind === 'blocked').length).toBeGreaterThanOrEqual(1);
  });

  it('stop() cancels what is left, runs finally blocks, and leaves nothing alive', async () => {
    const log: string[] = [];
    const run = new Run(
      scenarioOf(async (ctx) => {
        const child = ctx.createTask(async () => {
          try {
            await ctx.sleep(60_000);
          } finally {
            log.push('child finally');
          }
        }, 'child');
        try {
          await ctx.sleep(60_000);
        } finally {
          log.push('main finally');
        }
        await child;
      }),
    ).start();
    // Both inside their try blocks, so that each has a finally to run.
    await until(() => waiting(run, 'Task-1') && waiting(run, 'child'), () => `the main task and its child waiting (${describeEntities(run.tracker.snapshot())})`);
    const result = await run.stop();
    expect(result).toMatchObject({ status: 'stopped', ok: true, leaks: [] });
    expect(log.sort()).toEqual(['child finally', 'main finally']);
    expectEntities(run.tracker.snapshot(), [
      { name: 'Task-1', state: 'cancelled' },
      { name: 'child', state: 'cancelled' },
    ]);
  });

  it('abandons a body that ignores cancellation, after the stop timeout', async () => {
    const run = new Run(
      scenarioOf(async () => {
        await new Promise(() => {});
      }),
      { stopTimeoutMs: 50 },
    ).start();
    await until(() => waiting(run, 'Task-1'), () => `the body waiting (${describeEntities(run.tracker.snapshot())})`);
    const result = await run.stop();
    expect(result.status).toBe('stopped');
    expectEntities(run.tracker.snapshot(), [{ name: 'Task-1', state: 'cancelled', error: 'CancelledError: abandoned: still running 50 ms after cancel' }]);
  });

  it('a scenario that throws is a failed run with its message', async () => {
    const { result, snap } = await runScenario(
      scenarioOf(async () => {
        throw new RangeError('out of range');
      }),
    );
    expect(result).toMatchObject({ status: 'failed', ok: false, error: 'RangeError: out of range' });
    expectEntities(snap, [{ name: 'Task-1', state: 'rejected', error: 'RangeError: out of range' }]);
  });

  it('an exception thrown in a callback is caught and reported, not a crash', async () => {
    const { result, err } = await runScenario(
      scenarioOf(async () => {
        // The run goes on until just after the callback threw.
        await new Promise((resolve) => {
          setTimeout(() => {
            setImmediate(resolve);
            throw new Error('from a timer');
          }, 1);
        });
      }),
    );
    expect(result.ok).toBe(false);
    expect(err).toContain('Uncaught exception: Error: from a timer');
  });

  it('reports coroutines that were never awaited', async () => {
    const { result, err } = await runScenario(
      scenarioOf(async (ctx) => {
        const fn = ctx.coroutine(async function forgotten() {});
        fn();
      }),
    );
    expect(result.neverAwaited).toEqual(['forgotten']);
    expect(err).toContain("RuntimeWarning: coroutine 'forgotten' was never awaited");
  });

  it('cancels the tasks main left running, as asyncio.run does', async () => {
    const { snap } = await runScenario(
      scenarioOf(async (ctx) => {
        ctx.createTask(async () => ctx.sleep(60_000), 'orphan');
      }),
    );
    expectEntities(snap, [{ name: 'orphan', state: 'cancelled' }]);
  });

  it('act() resolves, rejects and cancels futures by id', async () => {
    const run = new Run(
      scenarioOf(async (ctx) => {
        const a = ctx.createFuture('a');
        const b = ctx.createFuture('b');
        const c = ctx.createFuture('c');
        console.log(await a);
        await b.then(undefined, (e: unknown) => console.log(`b: ${(e as Error).message}`));
        await c.then(undefined, (e: unknown) => console.log(`c: ${e instanceof CancelledError}`));
      }),
    ).start();
    const futures = () => run.tracker.snapshot().entities.filter((e) => e.kind === 'future');
    await until(() => futures().length === 3, 'the three futures');
    const ids = futures().map((e) => e.id);
    expect(run.act(ids[0]!, 'resolve')).toEqual({ outcome: 'resolvedByYou', name: 'a' });
    expect(run.act(ids[1]!, 'reject')).toEqual({ outcome: 'rejectedByYou', name: 'b' });
    expect(run.act(ids[2]!, 'cancel')).toEqual({ outcome: 'cancelRequested', name: 'c' });
    expect(run.act(ids[0]!, 'cancel')).toEqual({ outcome: 'alreadyDone', name: 'a', state: 'resolved' });
    expect(run.act('f99', 'cancel')).toEqual({ outcome: 'notFound', id: 'f99' });
    await run.done;
    const out = run.tracker.events(0).events.flatMap((e) => (e.type === 'log' ? [e.text] : []));
    expect(out).toEqual(['set by you', 'b: set by you', 'c: true']);
  });

  it('step mode pauses at each step until next()', async () => {
    const run = new Run(
      scenarioOf(async (ctx) => {
        await ctx.step('one');
        console.log('after one');
        await ctx.step('two');
        console.log('after two');
      }),
    );
    run.stepper.enabled = true;
    run.start();
    const logs = () => run.tracker.snapshot().logs.map((l) => l.text);
    await until(() => run.stepper.pausedAt === 'one');
    expect(logs()).toEqual([]);
    run.stepper.next();
    await until(() => run.stepper.pausedAt === 'two');
    expect(logs()).toEqual(['after one']);
    run.stepper.next();
    await run.done;
    expect(logs()).toEqual(['after one', 'after two']);
    expect(run.tracker.snapshot().marks.filter((m) => m.kind === 'paused')).toHaveLength(2);
  });
});

