import { expect, test } from 'vitest';
import cpuAsync from '../../scenarios/cpu-async.js';
import { loadBuiltin } from '../../scenarios/index.js';
import { LoopMonitor } from '../../src/runtime/loop-monitor.js';
import { expectEntities } from '../helpers/entities.js';
import { runScenario } from '../helpers/run-scenario.js';
import { expectStepsMapped, measured, speedupOf } from '../helpers/scenario-checks.js';

test('CPU work gathered as tasks takes as long as in sequence, and blocks the loop meanwhile', async () => {
  const scenario = loadBuiltin(cpuAsync);
  const monitor = new LoopMonitor();
  monitor.start();
  const { out, snap, result, run } = await runScenario(scenario, { monitor }).finally(() => monitor.stop());

  expect(out[0]).toBe('3 jobs, each counting the primes below 1,500,000');
  const job = /^job (\d): 114155 primes, ran from (\d+) ms to (\d+) ms$/;
  for (const block of [out.slice(1, 4), out.slice(5, 8)]) {
    const runs = block.map((line) => job.exec(line)).map((m) => (expect(m).not.toBeNull(), m!));
    expect(runs.map((m) => Number(m[1]))).toEqual([1, 2, 3]);
    // Each job starts only when the previous one has finished: no overlap, even gathered.
    for (let i = 1; i < runs.length; i++) expect(Number(runs[i]![2])).toBeGreaterThanOrEqual(Number(runs[i - 1]![3]) - 1);
  }
  expect(out[4]).toMatch(/^sequential: \d+ ms; a 0 ms timer fired \d+ ms late$/);
  expect(out[8]).toMatch(/^gathered: \d+ ms; a 0 ms timer fired \d+ ms late$/);
  expect(out[9]).toMatch(/^gather \/ sequential = \d+\.\d\d \(1\.00 would be no faster at all\)$/);
  expect(out).toHaveLength(10);

  const sequential = measured(out, /^sequential: (\d+) ms/);
  const gathered = measured(out, /^gathered: (\d+) ms/);
  expect(sequential).toBeGreaterThan(100);
  expect(gathered / sequential).toBeLessThan(1.5);
  const ratio = await speedupOf(out, async () => (await runScenario(scenario)).out, 0.75, /^gather \/ sequential = (\d+\.\d+)/);
  expect(ratio).toBeGreaterThan(0.75);
  // A 0 ms timer set before each round could not fire until the whole round was over.
  expect(measured(out, /^sequential: .* fired (\d+) ms late/)).toBeGreaterThanOrEqual(0.95 * sequential);
  expect(measured(out, /^gathered: .* fired (\d+) ms late/)).toBeGreaterThanOrEqual(0.95 * gathered);

  // The runner's loop monitor marked both rounds as stretches where the loop was blocked.
  const blocks = snap.marks.filter((m) => m.kind === 'blocked' && m.end - m.start >= 0.8 * Math.min(sequential, gathered));
  expect(blocks).toHaveLength(2);

  const coroutine = { name: 'count_primes_job', kind: 'coroutine', state: 'resolved', value: '114155' } as const;
  expectEntities(snap, [
    ...Array.from({ length: 6 }, () => coroutine),
    { name: 'Task-2', kind: 'task', state: 'resolved' },
    { name: 'Task-3', kind: 'task', state: 'resolved' },
    { name: 'Task-4', kind: 'task', state: 'resolved' },
    { name: 'gather', kind: 'future', state: 'resolved' },
  ]);
  expectStepsMapped(scenario, run);
  expect(result.ok).toBe(true);
  expect(result.leaks).toEqual([]);
});
