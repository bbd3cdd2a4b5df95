import { expect, test } from 'vitest';
import coroutines from '../../scenarios/coroutines.js';
import { loadBuiltin } from '../../scenarios/index.js';
import { expectEntities } from '../helpers/entities.js';
import { runScenario } from '../helpers/run-scenario.js';
import { expectStepsMapped } from '../helpers/scenario-checks.js';

test('a coroutine object waits for await, an async function call runs at once, a forgotten one is reported', async () => {
  const scenario = loadBuiltin(coroutines);
  const { out, err, snap, result, run } = await runScenario(scenario, { tracker: { stateEvents: true } });
  expect(out).toEqual([
    "calling brew('cup-1')",
    'got <coroutine object brew>; its body has not run',
    "50 ms later: still nothing from brew's body",
    'brew(cup-1): body starts',
    "await -> 'cup-1 brewed'",
    'RuntimeError: cannot reuse already awaited coroutine',
    "calling boil('cup-2')",
    'boil(cup-2): body starts',
    'got Promise { <pending> }',
    "await -> 'cup-2 boiled'",
    'got <coroutine object brew> and never awaited it',
  ]);

  // The first coroutine object stayed `created` until the line after the 50 ms wait.
  const events = run.tracker.events(0).events;
  const waited = events.findIndex((e) => e.type === 'log' && e.text.startsWith('50 ms later'));
  const firstRun = events.findIndex((e) => e.type === 'state' && e.entity.kind === 'coroutine' && e.entity.state === 'running');
  expect(waited).toBeGreaterThan(0);
  expect(firstRun).toBeGreaterThan(waited);

  expectEntities(snap, [
    { name: 'brew', kind: 'coroutine', state: 'resolved', value: 'cup-1 brewed' },
    { name: 'brew', kind: 'coroutine', state: 'created' },
  ]);
  expect(snap.entities.filter((e) => e.kind === 'coroutine')).toHaveLength(2);
  expect(result.neverAwaited).toEqual(['brew']);
  expect(err).toEqual(["RuntimeWarning: coroutine 'brew' was never awaited"]);
  expectStepsMapped(scenario, run);
  expect(result.ok).toBe(true);
  expect(result.leaks).toEqual([]);
});
