import { expect, test } from 'vitest';
import concurrency from '../../scenarios/concurrency.js';
import { loadBuiltin } from '../../scenarios/index.js';
import { expectEntities } from '../helpers/entities.js';
import { runScenario } from '../helpers/run-scenario.js';
import { expectStepsMapped, measured } from '../helpers/scenario-checks.js';

test('gather overlaps, waitFor times out and cancels, asCompleted, TaskGroup and Semaphore behave as asyncio', async () => {
  const scenario = loadBuiltin(concurrency);
  const { out, snap, result, run } = await runScenario(scenario);
  const ms = String.raw`(\d+) ms`;
  expect(out).toEqual([
    expect.stringMatching(new RegExp(`^sequential: 3 × 100 ms in ${ms}$`)),
    expect.stringMatching(new RegExp(`^gather: 3 × 100 ms in ${ms}$`)),
    expect.stringMatching(new RegExp(`^sequential ${ms} vs concurrent ${ms} \\(\\d+\\.\\dx\\)$`)),
    expect.stringMatching(new RegExp(`^waitFor\\(slow-page, 150 ms\\) raised TimeoutError \\(measured ${ms}\\)$`)),
    'slow-page cancelled: true',
    'asked in order: slow, fast, medium',
    expect.stringMatching(/^as completed: fast \(\+\d+ ms\)$/),
    expect.stringMatching(/^as completed: medium \(\+\d+ ms\)$/),
    expect.stringMatching(/^as completed: slow \(\+\d+ ms\)$/),
    expect.stringMatching(
      new RegExp(`^TaskGroup raised ExceptionGroup: unhandled errors in a TaskGroup \\(1 sub-exception\\) after ${ms}$`),
    ),
    '  inside: Error: upload-3: connection reset',
    'upload-1: resolved',
    'upload-2: cancelled',
    'upload-3: rejected',
    expect.stringMatching(new RegExp(`^semaphore\\(3\\): 10 jobs of 50 ms in ${ms}, at most 3 running at once$`)),
  ]);

  const sequential = measured(out, /^sequential: .* in (\d+) ms/);
  const concurrent = measured(out, /^gather: .* in (\d+) ms/);
  expect(sequential).toBeGreaterThanOrEqual(290);
  expect(concurrent).toBeGreaterThanOrEqual(95);
  expect(concurrent).toBeLessThan(0.6 * sequential);

  const timedOut = measured(out, /^waitFor.*\(measured (\d+) ms\)$/);
  expect(timedOut).toBeGreaterThanOrEqual(145);
  expect(timedOut).toBeLessThan(450); // well before slow-page's 500 ms

  // The failure at 150 ms ended the group before upload-2's 300 ms sleep was over.
  const groupMs = measured(out, /^TaskGroup raised .* after (\d+) ms$/);
  expect(groupMs).toBeGreaterThanOrEqual(145);
  expect(groupMs).toBeLessThan(290);

  // Four waves of at most three 50 ms jobs.
  const semaphoreMs = measured(out, /^semaphore\(3\): 10 jobs of 50 ms in (\d+) ms/);
  expect(semaphoreMs).toBeGreaterThanOrEqual(195);
  expect(semaphoreMs).toBeLessThan(600);

  expectEntities(snap, [
    ...['page-1', 'page-2', 'page-3'].map((name) => ({ name, kind: 'task' as const, state: 'resolved' as const })),
    { name: 'slow-page', kind: 'task', state: 'cancelled' },
    { name: 'slow', state: 'resolved' },
    { name: 'fast', state: 'resolved' },
    { name: 'medium', state: 'resolved' },
    { name: 'upload-1', state: 'resolved' },
    { name: 'upload-2', state: 'cancelled' },
    { name: 'upload-3', state: 'rejected', error: 'Error: upload-3: connection reset' },
    ...Array.from({ length: 10 }, (_, i) => ({ name: `job-${i + 1}`, kind: 'task' as const, state: 'resolved' as const })),
  ]);
  expectStepsMapped(scenario, run);
  expect(result.ok).toBe(true);
  expect(result.leaks).toEqual([]);
});
