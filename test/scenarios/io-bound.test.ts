import { expect, test } from 'vitest';
import { loadBuiltin } from '../../scenarios/index.js';
import ioBound from '../../scenarios/io-bound.js';
import { Run } from '../../src/agent/runner.js';
import { expectEntities } from '../helpers/entities.js';
import { runScenario } from '../helpers/run-scenario.js';
import { expectStepsMapped, measured, waitUntil } from '../helpers/scenario-checks.js';

const samples = (line: string) => line.replace(/^in flight every \d+ ms: /, '').split(' ').map(Number);

test('50 requests to a slow server: one by one the waits add up, 10 at a time they overlap', async () => {
  const scenario = loadBuiltin(ioBound);
  const { out, snap, result, run } = await runScenario(scenario);

  expect(out[0]).toMatch(/^server on 127\.0\.0\.1:\d+, answering each request after 30 ms; 50 requests per round$/);
  expect(out[1]).toMatch(/^one by one: 50 requests in \d+ ms, \d+ req\/s$/);
  expect(out[2]).toMatch(/^in flight every 100 ms: \d+( \d+)*$/);
  expect(out[3]).toMatch(/^10 at a time: 50 requests in \d+ ms, \d+ req\/s$/);
  expect(out[4]).toMatch(/^in flight every 10 ms: \d+( \d+)*$/);
  expect(out[5]).toMatch(/^concurrent \/ sequential = \d+\.\d\d$/);
  expect(out[6]).toBe('server closed, sockets destroyed');
  expect(out).toHaveLength(7);

  const sequential = measured(out, /^one by one: 50 requests in (\d+) ms/);
  const concurrent = measured(out, /^10 at a time: 50 requests in (\d+) ms/);
  // Each request waits at least the server's 30 ms, and one by one nothing overlaps.
  expect(sequential).toBeGreaterThanOrEqual(50 * 30);
  expect(concurrent).toBeGreaterThanOrEqual(5 * 30);
  expect(concurrent).toBeLessThan(0.6 * sequential);
  expect(measured(out, /^10 at a time: .*, (\d+) req\/s/)).toBeGreaterThan(measured(out, /^one by one: .*, (\d+) req\/s/));
  // One in flight at a time, then never more than the semaphore's 10 but more than one.
  expect(Math.max(...samples(out[2]!))).toBe(1);
  expect(Math.max(...samples(out[4]!))).toBeLessThanOrEqual(10);
  expect(Math.max(...samples(out[4]!))).toBeGreaterThan(1);

  expectEntities(
    snap,
    Array.from({ length: 50 }, (_, i) => ({ name: `GET /${i + 1}`, kind: 'task' as const, state: 'resolved' as const, value: `page /${i + 1}` })),
  );
  expectStepsMapped(scenario, run);
  expect(result.ok).toBe(true);
  expect(result.leaks).toEqual([]);
});

test('stopping mid-way aborts the request in flight and still closes the server and its sockets', async () => {
  const run = new Run(loadBuiltin(ioBound)).start();
  await waitUntil(() => run.tracker.snapshot().logs.find((l) => l.text.startsWith('server on')));
  const result = await run.stop();
  expect(result.status).toBe('stopped');
  expect(result.leaks).toEqual([]);
  expectEntities(run.tracker.snapshot(), [{ name: 'Task-1', state: 'cancelled' }]);
  const logs = run.tracker.snapshot().logs.map((l) => l.text);
  expect(logs).toContain('server closed, sockets destroyed');
  expect(logs.some((l) => l.startsWith('one by one'))).toBe(false);
});
