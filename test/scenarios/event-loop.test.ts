import { describe, expect, it } from 'vitest';
import { Run } from '../../src/agent/runner.js';
import { Stepper } from '../../src/agent/stepper.js';
import eventLoop from '../../scenarios/event-loop.js';
import { loadBuiltin } from '../../scenarios/index.js';
import { expectEntities } from '../helpers/entities.js';
import { runScenario } from '../helpers/run-scenario.js';
import { expectStepsMapped, stepsReached } from '../helpers/scenario-checks.js';

const scenario = loadBuiltin(eventLoop);
const CALLBACK = /^(\d)\. (\S+)\s+(.+?) {2}\(\+\d+\.\d ms\)$/;
/** Each callback (by its future's name): the phase it must report and the step it waits at. */
const CALLBACKS: Record<string, { phase: string; step: string }> = {
  'process.nextTick': { phase: 'nextTick', step: 'nextTick' },
  'promise.then': { phase: 'microtask', step: 'promise' },
  queueMicrotask: { phase: 'microtask', step: 'queueMicrotask' },
  'setTimeout 0': { phase: 'timers', step: 'timers' },
  'fs.readFile': { phase: 'poll', step: 'poll' },
  setImmediate: { phase: 'check', step: 'check' },
  'socket close': { phase: 'close', step: 'close' },
};

/** The callbacks' names in the order they were printed, checking numbering and phases on the way. */
function fired(out: readonly string[]): string[] {
  const lines = out.filter((line) => CALLBACK.test(line));
  return lines.map((line, i) => {
    const [, n, phase, name] = CALLBACK.exec(line)!;
    expect(Number(n)).toBe(i + 1);
    expect(phase).toBe(CALLBACKS[name!]?.phase);
    return name!;
  });
}

/** The orders the loop guarantees here; only the fs callback's place depends on the threadpool. */
function expectRealOrder(names: readonly string[]): void {
  expect(names).toHaveLength(7);
  expect([...names].sort()).toEqual(Object.keys(CALLBACKS).sort());
  expect(names.slice(0, 3)).toEqual(['process.nextTick', 'promise.then', 'queueMicrotask']);
  const at = (name: string) => names.indexOf(name);
  // Scheduled from a timer callback: this turn's check and close come before the next turn's timers.
  expect(at('setImmediate')).toBeLessThan(at('socket close'));
  expect(at('socket close')).toBeLessThan(at('setTimeout 0'));
}

describe('event-loop scenario', () => {
  it('prints each callback with its phase in the order the loop ran them', async () => {
    const { out, snap, result, run } = await runScenario(scenario);
    expect(out.slice(0, 2)).toEqual(['sync: schedule one callback per phase', 'sync: the schedule is made; nothing has fired yet']);
    expect(out).toHaveLength(9);
    expectRealOrder(fired(out));
    expectEntities(
      snap,
      Object.entries(CALLBACKS).map(([name, { phase }]) => ({ name, kind: 'future' as const, state: 'resolved' as const, value: phase })),
    );
    expectStepsMapped(scenario, run);
    expect(result.ok).toBe(true);
    expect(result.leaks).toEqual([]);
  });

  it('in step mode each callback line waits for its step, and the order stays the real one', async () => {
    const stepper = new Stepper(true);
    const run = new Run(scenario, { stepper });
    const printedAtPause: number[] = [];
    const callbackLines = () => run.tracker.snapshot().logs.filter((l) => CALLBACK.test(l.text)).length;
    stepper.subscribe(() => {
      if (stepper.pausedAt === undefined) return;
      printedAtPause.push(callbackLines());
      // Press `n` on a later turn, as a person would.
      setImmediate(() => stepper.next());
    });
    run.start();
    const result = await run.done;
    const out = run.tracker.snapshot().logs.filter((l) => l.stream === 'stdout').map((l) => l.text);
    const names = fired(out);
    expectRealOrder(names);
    expect(stepsReached(run)).toEqual(['setup', 'schedule', ...names.map((name) => CALLBACKS[name]!.step)]);
    // At the k-th callback step, exactly k-1 callback lines were out: each line waited for its `n`.
    expect(printedAtPause).toEqual([0, 0, 0, 1, 2, 3, 4, 5, 6]);
    expect(result.ok).toBe(true);
    expect(result.leaks).toEqual([]);
  });
});
