import { describe, expect, it } from 'vitest';
import { loadBuiltin, SCENARIOS } from '../scenarios/index.js';
import { strings } from '../src/view/i18n.js';
import { execFileSync } from 'node:child_process';
import type { RunHandle, RunRequest } from '../src/observer/run-handle.js';
import type { ScenarioInfo } from '../src/stream/events.js';
import { Session, SPEEDS } from '../src/dashboard/session.js';
import { LocalRun, localRuns } from './helpers/local-run.js';
import { scenarioOf } from './helpers/run-scenario.js';
import { until } from './helpers/until.js';

/** This process's children, from the OS. */
function children(): string[] {
  try {
    return execFileSync('ps', ['--ppid', String(process.pid), '-o', 'pid=,args='], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !/^\d+ ps /.test(l));
  } catch {
    return [];
  }
}

/** Records every run a session makes (in this process), and how each ended. */
function watchedRuns() {
  const runs: LocalRun[] = [];
  const make = localRuns();
  const createRun = (scenario: ScenarioInfo, request: RunRequest) => {
    const run = make(scenario, request);
    runs.push(run);
    return run;
  };
  return { runs, createRun };
}

const napper = scenarioOf(async (ctx) => {
  const nap = ctx.createTask('nap', () => ctx.sleep(60_000));
  const answer = ctx.createFuture<string>('answer');
  await ctx.gather(nap, answer);
}, 'napper');

describe('Session', () => {
  it('switching 20 times quickly, each run in its own process: ends on the last choice, stops every run, leaves no process', async () => {
    const scenarios = SCENARIOS.map(loadBuiltin);
    const session = new Session({ scenarios });
    const seen = new Set<RunHandle>();
    session.subscribe(() => session.run && seen.add(session.run));
    session.start();
    let last = 0;
    for (let i = 1; i <= 20; i++) {
      last = (i * 7) % scenarios.length;
      session.select(last === session.state.index ? (last + 1) % scenarios.length : last);
      last = session.state.index;
      // Mostly at once; every third switch lets the run get going first, so stops hit live work
      // (timers, sockets, workers, child processes), not only runs that had not started.
      if (i % 3 === 0) {
        await session.idle();
        await until(() => session.run!.tracker.snapshot().total > 1 || session.state.result !== undefined, 'the run going', { timeoutMs: 20_000 });
      } else {
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await session.idle();
    expect(session.run!.scenario.id).toBe(scenarios[last]!.id);
    expect(session.state.index).toBe(last);
    // Every switch went to another scenario: each was its first run, none counted as a rerun.
    expect(session.state.runNumber).toBe(1);
    session.rerun();
    await session.idle();
    expect(session.state.runNumber).toBe(2);
    await session.close();
    const results = await Promise.all([...seen].map((run) => run.done));
    expect(results.length).toBeGreaterThanOrEqual(7);
    expect(results.at(-1)!.status).toBe('stopped');
    expect(children()).toEqual([]);
  }, 120_000);

  it('reruns with r, applies speed steps live and to the next run, and toggles language, code and help', async () => {
    const { runs, createRun } = watchedRuns();
    const session = new Session({ scenarios: [napper], createRun });
    session.start();
    try {
      await until(() => session.run!.tracker.snapshot().total >= 3);
      session.dispatch({ command: 'faster', key: '+' });
      expect(session.state.speed).toBe(2);
      expect(runs.at(-1)!.run.ctx.speed).toBe(2);
      for (let i = 0; i < 10; i++) session.dispatch({ command: 'faster', key: '+' });
      expect(session.state.speed).toBe(SPEEDS.at(-1));
      for (let i = 0; i < 20; i++) session.dispatch({ command: 'slower', key: '-' });
      expect(session.state.speed).toBe(0.1);
      const first = session.run;
      expect(session.state.runNumber).toBe(1);
      session.dispatch({ command: 'rerun', key: 'r' });
      await session.idle();
      expect(session.run).not.toBe(first);
      expect(session.state.runNumber).toBe(2);
      expect(runs.at(-1)!.run.ctx.speed).toBe(0.1);
      expect(runs).toHaveLength(2);
      session.dispatch({ command: 'lang', key: 'l' });
      session.dispatch({ command: 'code', key: 'p' });
      session.dispatch({ command: 'help', key: '?' });
      expect(session.state).toMatchObject({ lang: 'es', code: 'python', help: true });
      session.dispatch({ command: 'back', key: 'escape' });
      expect(session.state.help).toBe(false);
    } finally {
      await session.close();
    }
  });

  it('says why an action did nothing, and acts on the selected task or future', async () => {
    const session = new Session({ scenarios: [napper], createRun: localRuns() });
    const say = () => session.state.message?.(strings('en'));
    const said = (text: string) => until(() => say() === text, () => `'${text}', not '${say()}'`);
    session.start();
    try {
      session.act('cancel');
      expect(say()).toBe('select a row first (↑↓ or j/k)');
      await until(() => session.run!.tracker.snapshot().total >= 3);
      // Rows in display order: the main task, then what it created.
      session.moveSelection(1);
      session.moveSelection(1);
      expect(session.run!.tracker.find(session.state.selectedId!)!.name).toBe('nap');
      session.act('resolve');
      await said('nap is a task: only its own code can finish it (c cancels it)');
      session.moveSelection(1);
      session.act('resolve');
      await said('answer resolved by you');
      session.act('reject');
      await said('answer is already resolved');
      session.moveSelection(-1);
      session.act('cancel');
      await said('cancel requested for nap');
      // The cancelled nap ends the gather, and with it the run; the screen learns how.
      const result = await session.run!.done;
      await until(() => session.state.result !== undefined);
      expect(session.state.phase).toBe(result.status);
    } finally {
      await session.close();
    }
  });

  it('step mode: space pauses each run at its steps, n goes on, and a stopped run pauses no more', async () => {
    const stepper = scenarioOf(async (ctx) => {
      await ctx.step('one');
      console.log('after one');
      await ctx.step('two');
      console.log('after two');
      await ctx.step('three');
    }, 'stepper');
    const session = new Session({ scenarios: [stepper, napper], createRun: localRuns() });
    session.dispatch({ command: 'stepMode', key: ' ' });
    session.start();
    try {
      await until(() => session.state.pausedAt === 'one');
      session.dispatch({ command: 'nextStep', key: 'n' });
      await until(() => session.state.pausedAt === 'two');
      expect(session.run!.tracker.snapshot().logs.map((l) => l.text)).toEqual(['after one']);
      const paused = session.run!;
      session.select(1);
      // Released by the stop, the body runs on to its end instead of pausing again at 'three'
      // (where the stop would wait for it, and a key meant for the next run would wake it).
      expect((await paused.done).status).toBe('stopped');
      expect(paused.tracker.snapshot().logs.map((l) => l.text)).toEqual(['after one', 'after two']);
      expect(paused.tracker.snapshot().entities[0]!.error ?? '').not.toMatch(/abandoned/);
      await session.idle();
      expect(session.run!.scenario.id).toBe('napper');
      expect(session.state.pausedAt).toBeUndefined();
      session.dispatch({ command: 'stepMode', key: ' ' });
      expect(session.state.stepMode).toBe(false);
    } finally {
      await session.close();
    }
  });
});
