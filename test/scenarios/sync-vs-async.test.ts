import { expect, test } from 'vitest';
import syncVsAsync from '../../scenarios/sync-vs-async.js';
import { loadBuiltin } from '../../scenarios/index.js';
import { expectEntities } from '../helpers/entities.js';
import { runScenario } from '../helpers/run-scenario.js';
import { expectStepsMapped, measured } from '../helpers/scenario-checks.js';

test('a blocking cook serves one order at a time and freezes the loop; awaiting cooks overlap', async () => {
  const scenario = loadBuiltin(syncVsAsync);
  const { out, snap, result, run } = await runScenario(scenario);

  expect(out.slice(0, 6)).toEqual([
    'subway-1: order taken',
    'subway-1: served',
    'subway-2: order taken',
    'subway-2: served',
    'subway-3: order taken',
    'subway-3: served',
  ]);
  expect(out[6]).toMatch(/^Subway: 3 orders in \d+ ms; a 0 ms timer fired \d+ ms late \(the loop was frozen\)$/);
  expect(out.slice(7, 13)).toEqual([
    'mcdonalds-1: order taken',
    'mcdonalds-2: order taken',
    'mcdonalds-3: order taken',
    'mcdonalds-1: served',
    'mcdonalds-2: served',
    'mcdonalds-3: served',
  ]);
  expect(out[13]).toMatch(/^McDonald's: 3 orders in \d+ ms; a 0 ms timer fired \d+ ms late \(the loop stayed free\)$/);
  expect(out[14]).toMatch(/^sync \d+ ms vs async \d+ ms \(\d+\.\dx\)$/);
  expect(out).toHaveLength(15);

  const syncMs = measured(out, /^sync (\d+) ms vs/);
  const asyncMs = measured(out, /vs async (\d+) ms/);
  expect(syncMs).toBeGreaterThanOrEqual(290);
  expect(asyncMs).toBeGreaterThanOrEqual(95);
  expect(asyncMs).toBeLessThan(0.6 * syncMs);
  // While the cook blocked, a 0 ms timer could not fire; while orders awaited, it fired at once.
  expect(measured(out, /^Subway: .* fired (\d+) ms late/)).toBeGreaterThanOrEqual(0.9 * syncMs);
  expect(measured(out, /^McDonald's: .* fired (\d+) ms late/)).toBeLessThan(50);

  // Three real blocks of the thread, one per Subway order, are marked on the run's timeline.
  const blocks = snap.marks.filter((m) => m.kind === 'blocked');
  expect(blocks).toHaveLength(3);
  for (const block of blocks) expect(block.end - block.start).toBeGreaterThanOrEqual(95);

  expectEntities(snap, [
    ...[1, 2, 3].map((i) => ({ name: `subway-${i}`, kind: 'task' as const, state: 'resolved' as const })),
    ...[1, 2, 3].map((i) => ({ name: `mcdonalds-${i}`, kind: 'task' as const, state: 'resolved' as const })),
  ]);
  expectStepsMapped(scenario, run);
  expect(result.ok).toBe(true);
  expect(result.leaks).toEqual([]);
});
