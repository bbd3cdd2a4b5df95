import { describe, expect, it } from 'vitest';
import { findScenario, loadBuiltin } from '../scenarios/index.js';
import { loadScenarioFile } from '../src/agent/load-file.js';
import type { RunResult } from '../src/agent/runner.js';
import { Session } from '../src/dashboard/session.js';
import { ROOT } from './helpers/cli.js';
import { scenarioOf } from './helpers/run-scenario.js';
import { until } from './helpers/until.js';
import { localRuns } from './helpers/local-run.js';

// Scenarios that fail in every way a program can, run through the session as the dashboard runs
// them: each ends as a failed or stopped run with its error, and the session goes on working.

const fault = (name: string) => loadScenarioFile(`test/fixtures/faults/${name}.mjs`, ROOT);

/** Switches to scenario `index` and waits for its run to end by itself. */
async function runTo(session: Session, index: number): Promise<RunResult> {
  if (index === session.state.index) session.dispatch({ command: 'rerun', key: 'r' });
  else session.select(index);
  await session.idle();
  return session.run!.done;
}

describe('faults are contained', () => {
  it('a scenario that throws, rejects or has its worker crash is a failed run with its error; the session goes on', async () => {
    const scenarios = [await fault('throws'), await fault('rejects'), await fault('worker-crash'), loadBuiltin(findScenario('seed')!)];
    const session = new Session({ scenarios, createRun: localRuns() });
    session.start();
    try {
      await session.idle();
      expect(await session.run!.done).toMatchObject({ status: 'failed', ok: false, error: 'Error: thrown at once' });
      expect(await runTo(session, 1)).toMatchObject({ status: 'failed', error: 'Error: rejected after 50 ms' });
      expect(await runTo(session, 2)).toMatchObject({ status: 'failed', error: 'Error: worker boom', leaks: [] });
      // The worker is shown as what it did (crashed), not as stopped by the run's end.
      const worker = session.run!.tracker.snapshot().entities.find((e) => e.kind === 'worker')!;
      expect(worker).toMatchObject({ name: 'crasher', state: 'rejected', error: 'Error: worker boom' });
      await until(() => session.state.phase === 'failed');
      expect(session.state.result?.error).toBe('Error: worker boom');
      // Still switching and rerunning.
      expect(await runTo(session, 0)).toMatchObject({ status: 'failed' });
      expect(await runTo(session, 0)).toMatchObject({ status: 'failed' });
      expect(await runTo(session, 3)).toMatchObject({ status: 'ended', ok: true, leaks: [] });
    } finally {
      await session.close();
    }
  });

  it('a scenario that never ends runs until stopped; a switch or a quit stops it within the stop timeout', async () => {
    const session = new Session({ scenarios: [await fault('never-ends'), loadBuiltin(findScenario('seed')!)], createRun: localRuns({ stopTimeoutMs: 300 }) });
    session.start();
    try {
      await until(() => session.run?.tracker.snapshot().logs.some((l) => l.text === 'waiting forever') ?? false);
      const stuck = session.run!;
      const asked = performance.now();
      session.select(1);
      const result = await stuck.done;
      expect(performance.now() - asked).toBeLessThan(2000);
      expect(result).toMatchObject({ status: 'stopped', leaks: [] });
      expect(stuck.tracker.snapshot().entities[0]!.error).toMatch(/abandoned: still running 300 ms after cancel/);
      expect(await session.run!.done).toMatchObject({ status: 'ended', ok: true });
      session.select(0);
      await session.idle();
      const again = session.run!;
      const closing = performance.now();
      await session.close();
      expect(performance.now() - closing).toBeLessThan(2000);
      expect((await again.done).status).toBe('stopped');
    } finally {
      await session.close();
    }
  });

  it('100,000 printed lines keep a bounded console history with the dropped count', async () => {
    const session = new Session({ scenarios: [await fault('floods')], createRun: localRuns() });
    session.start();
    try {
      await session.idle();
      expect(await session.run!.done).toMatchObject({ status: 'ended', ok: true });
      const snap = session.run!.tracker.snapshot();
      expect(snap.logs.length).toBeLessThanOrEqual(1000);
      expect(snap.logs.length + snap.droppedLogs).toBe(100_000);
      expect(snap.logs.at(-1)!.text).toBe('line 100000 of the flood');
    } finally {
      await session.close();
    }
  });

  it("a stopped run's body cannot sleep on past its run, even resumed from a plain await", async () => {
    const printed: string[] = [];
    const sleeper = scenarioOf(async (ctx) => {
      // After a plain await the runtime no longer knows which task runs (no AsyncLocalStorage),
      // so cancelling the task cannot find this sleep: the stop must reach it anyway.
      await Promise.resolve();
      try {
        await ctx.sleep(60_000);
      } catch (error) {
        printed.push(String(error));
        // Swallowing the cancel does not buy more sleep.
        await ctx.sleep(60_000).catch((again: unknown) => printed.push(String(again)));
      }
    }, 'sleeper');
    const session = new Session({ scenarios: [sleeper], createRun: localRuns() });
    session.start();
    try {
      await until(() => session.run?.tracker.snapshot().entities[0]?.state === 'waiting');
      const run = session.run!;
      const asked = performance.now();
      await run.stop('switched');
      expect(performance.now() - asked).toBeLessThan(500);
      expect(printed).toEqual(['CancelledError: switched', 'CancelledError: switched']);
    } finally {
      await session.close();
    }
  });
});
