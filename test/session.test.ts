import { describe, expect, it } from 'vitest';
import { loadBuiltin, SCENARIOS } from '../scenarios/index.js';
import { strings } from '../src/view/i18n.js';
import { Run, type RunOptions } from '../src/agent/runner.js';
import type { LoadedScenario } from '../src/scenario.js';
import { Session, SPEEDS } from '../src/dashboard/session.js';
import { leftovers, resources } from './helpers/resources.js';
import { scenarioOf } from './helpers/run-scenario.js';
import { until } from './helpers/until.js';

/** Records every run's life, to check that two runs never overlap. */
function watchedRuns() {
  const lives: { id: string; started: number; done: number | undefined }[] = [];
  const createRun = (scenario: LoadedScenario, options: RunOptions) => {
    const run = new Run(scenario, options);
    const life = { id: scenario.id, started: performance.now(), done: undefined as number | undefined };
    lives.push(life);
    void run.done.then(() => (life.done = performance.now()));
    return run;
  };
  return { lives, createRun };
}

const napper = scenarioOf(async (ctx) => {
  const nap = ctx.createTask('nap', () => ctx.sleep(60_000));
  const answer = ctx.createFuture<string>('answer');
  await ctx.gather(nap, answer);
}, 'napper');

describe('Session', () => {
  it('switching 50 times quickly never overlaps runs, ends on the last choice, and leaves nothing alive', async () => {
    const scenarios = SCENARIOS.map(loadBuiltin);
    const { lives, createRun } = watchedRuns();
    const before = resources();
    const session = new Session({ scenarios, createRun });
    session.start();
    let last = 0;
    for (let i = 1; i <= 50; i++) {
      last = (i * 7) % scenarios.length;
      session.select(last === session.state.index ? (last + 1) % scenarios.length : last);
      last = session.state.index;
      // Mostly at once; every third switch lets the run get going first, so stops hit live work
      // (timers, sockets, workers, child processes), not only runs that had not started.
      if (i % 3 === 0) {
        await session.idle();
        await until(() => session.run!.tracker.snapshot().total > 1 || session.state.result !== undefined);
      } else {
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await session.idle();
    expect(session.run!.scenario.id).toBe(scenarios[last]!.id);
    expect(session.state.index).toBe(last);
    await session.close();
    for (let i = 1; i < lives.length; i++) {
      expect(lives[i - 1]!.done, `run ${i - 1} (${lives[i - 1]!.id}) had not finished when run ${i} started`).toBeLessThanOrEqual(lives[i]!.started);
    }
    expect(lives.every((l) => l.done !== undefined)).toBe(true);
    expect(lives.length).toBeGreaterThanOrEqual(10);
    expect(leftovers(before)).toEqual({});
  }, 120_000);

  it('reruns with r, applies speed steps live and to the next run, and toggles language, code and help', async () => {
    const { lives, createRun } = watchedRuns();
    const session = new Session({ scenarios: [napper], createRun, settleMs: 0 });
    session.start();
    try {
      await until(() => session.run!.tracker.snapshot().total >= 3);
      session.dispatch({ command: 'faster', key: '+' });
      expect(session.state.speed).toBe(2);
      expect(session.run!.ctx.speed).toBe(2);
      for (let i = 0; i < 10; i++) session.dispatch({ command: 'faster', key: '+' });
      expect(session.state.speed).toBe(SPEEDS.at(-1));
      for (let i = 0; i < 20; i++) session.dispatch({ command: 'slower', key: '-' });
      expect(session.state.speed).toBe(0.1);
      const first = session.run;
      session.dispatch({ command: 'rerun', key: 'r' });
      await session.idle();
      expect(session.run).not.toBe(first);
      expect(session.run!.ctx.speed).toBe(0.1);
      expect(lives).toHaveLength(2);
      session.dispatch({ command: 'lang', key: 'l' });
      session.dispatch({ command: 'code', key: 'p' });
      session.dispatch({ command: 'help', key: '?' });
      expect(session.state).toMatchObject({ lang: 'es', code: 'python', help: true });
      session.dispatch({ command: 'closeHelp', key: 'escape' });
      expect(session.state.help).toBe(false);
    } finally {
      await session.close();
    }
  });

  it('puts an error a scenario left for later in the console panel of the run on screen, in its language', async () => {
    const session = new Session({ scenarios: [napper], settleMs: 0 });
    session.start();
    try {
      await session.idle();
      const logs = () => session.run!.tracker.snapshot().logs.map((l) => `${l.stream}: ${l.text}`);
      session.reportLate(new Error('late'));
      expect(logs()).toContain('stderr: after the run: uncaught Error: late');
      session.dispatch({ command: 'lang', key: 'l' });
      session.reportLate(new TypeError('tarde'));
      expect(logs()).toContain('stderr: después de la ejecución: sin capturar: TypeError: tarde');
      // A thrown value that is not an Error, as the code wrote it.
      session.reportLate('tarde');
      expect(logs()).toContain("stderr: después de la ejecución: sin capturar: 'tarde'");
    } finally {
      await session.close();
    }
  });

  it('says why an action did nothing, and acts on the selected task or future', async () => {
    const session = new Session({ scenarios: [napper], settleMs: 0 });
    const say = () => session.state.message?.(strings('en'));
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
      expect(say()).toBe('nap is a task: only its own code can finish it (c cancels it)');
      session.moveSelection(1);
      session.act('resolve');
      expect(say()).toBe('answer resolved by you');
      session.act('reject');
      expect(say()).toBe('answer is already resolved');
      session.moveSelection(-1);
      session.act('cancel');
      expect(say()).toBe('cancel requested for nap');
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
    const session = new Session({ scenarios: [stepper, napper], settleMs: 0 });
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
