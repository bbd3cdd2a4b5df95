import { settingsWith } from '../../src/settings.js';
import { describe, expect, it } from 'vitest';
import { Run } from '../../src/agent/runner.js';
import futures from '../../scenarios/futures.js';
import { loadBuiltin } from '../../scenarios/index.js';
import { expectEntities } from '../helpers/entities.js';
import { runScenario } from '../helpers/run-scenario.js';
import { expectStepsMapped, waitUntil } from '../helpers/scenario-checks.js';

const scenario = loadBuiltin(futures);

describe('futures scenario', () => {
  it('headless: a timer fills the first future, the second resolves itself, set twice raises, callbacks come later', async () => {
    const { out, snap, result, run } = await runScenario(scenario);
    expect(out[0]).toBe('Empty future: <Future pending>');
    expect(out[1]).toMatch(/^await order -> 'order ready' after (\d+) ms$/);
    const waited = Number(/after (\d+) ms/.exec(out[1]!)![1]);
    expect(waited).toBeGreaterThanOrEqual(95);
    expect(waited).toBeLessThan(400);
    expect(out.slice(2)).toEqual([
      "<Future finished result='order ready'>",
      '(headless: resolving by itself in 300 ms)',
      "await your-answer -> 'resolved by itself'",
      "<Future finished result='resolved by itself'>",
      "InvalidStateError: invalid state",
      'set_result returned; the callback has not run yet',
      "done callback: 'ding'",
    ]);
    expectEntities(snap, [
      { name: 'order', kind: 'future', state: 'resolved', value: 'order ready' },
      { name: 'your-answer', kind: 'future', state: 'resolved', value: 'resolved by itself' },
      { name: 'bell', kind: 'future', state: 'resolved', value: 'ding' },
    ]);
    expectStepsMapped(scenario, run);
    expect(result.ok).toBe(true);
    expect(result.leaks).toEqual([]);
  });

  it.each([
    ['resolve', "await your-answer -> 'set by you'", "<Future finished result='set by you'>", 'resolved', 'resolvedByYou'],
    ['reject', 'await your-answer raised Error: set by you', "<Future finished exception=Error('set by you')>", 'rejected', 'rejectedByYou'],
    ['cancel', 'await your-answer raised CancelledError: cancelled by you', '<Future cancelled>', 'cancelled', 'cancelRequested'],
  ] as const)('in the dashboard it waits for you: %s', async (action, awaited, repr, state, outcome) => {
    const run = new Run(scenario, { settings: settingsWith({ interactive: true }) }).start();
    const answer = await waitUntil(() => run.tracker.snapshot().entities.find((e) => e.name === 'your-answer'));
    await waitUntil(() => run.tracker.snapshot().logs.find((l) => l.text.startsWith('select it')));
    expect(run.tracker.snapshot().logs.slice(-2).map((l) => l.text)).toEqual([
      'your-answer: <Future pending>, waiting for you',
      'select it: f resolves, x rejects, c cancels',
    ]);
    // No timer was armed for it: only our key settles it (the outcome below says 'set by you').
    expect(run.tracker.find(answer.id)!.state).toBe('pending');
    expect(run.act(answer.id, action)).toEqual({ outcome, name: 'your-answer' });
    const result = await run.done;
    const out = run.tracker.snapshot().logs.filter((l) => l.stream === 'stdout').map((l) => l.text);
    expect(out).not.toContain('(headless: resolving by itself in 300 ms)');
    const at = out.indexOf(awaited);
    expect(at).toBeGreaterThan(0);
    expect(out[at + 1]).toBe(repr);
    expectEntities(run.tracker.snapshot(), [{ name: 'your-answer', state }]);
    expect(result.ok).toBe(true);
    expect(result.leaks).toEqual([]);
  });
});
