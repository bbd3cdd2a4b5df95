import { availableParallelism } from 'node:os';
import { expect, test } from 'vitest';
import { loadBuiltin } from '../../scenarios/index.js';
import threads from '../../scenarios/threads.js';
import { Run } from '../../src/agent/runner.js';
import { expectEntities } from '../helpers/entities.js';
import { runScenario } from '../helpers/run-scenario.js';
import { expectStepsMapped, measured, speedupOf, waitUntil } from '../helpers/scenario-checks.js';

const cores = availableParallelism();
const jobs = Math.max(4, cores);

test('a pool of worker threads, one per core, really speeds the CPU work up; pbkdf2 runs in waves', async () => {
  const scenario = loadBuiltin(threads);
  const { out, snap, result, run } = await runScenario(scenario);

  expect(out[0]).toBe(`${jobs} jobs, each counting the primes below 1,500,000; ${cores} cores`);
  expect(out[1]).toMatch(/^main thread, one job after another: \d+ ms \(the loop was blocked all along\)$/);
  expect(out[2]).toMatch(new RegExp(`^starting ${cores} worker threads and warming them up: \\d+ ms$`));
  for (let i = 1; i <= jobs; i++) expect(out[2 + i]).toMatch(new RegExp(`^job-${i}: 114155 primes in \\d+ ms on a worker$`));
  expect(out[3 + jobs]).toMatch(new RegExp(`^pool of ${cores} worker threads: \\d+ ms for the jobs$`));
  expect(out[4 + jobs]).toMatch(new RegExp(`^speedup \\d+\\.\\d\\dx with ${cores} threads; \\d+\\.\\d\\dx counting their start-up$`));
  expect(out[5 + jobs]).toBe("8 pbkdf2 calls on libuv's threadpool (UV_THREADPOOL_SIZE=4, the default); queued → done:");
  for (let i = 1; i <= 8; i++) expect(out[5 + jobs + i]).toMatch(new RegExp(`^pbkdf2-${i} +\\d+ → +\\d+ ms █+$`));
  expect(out[14 + jobs]).toMatch(/^the first 4 were done by \d+ ms, all 8 by \d+ ms \(\d+\.\dx later\)$/);
  expect(out).toHaveLength(15 + jobs);

  // With both sides warmed up, the pool beats the main thread clearly; its start-up, timed apart,
  // makes the speedup counting it smaller.
  expect(measured(out, /; (\d+\.\d+)x counting/)).toBeLessThan(measured(out, /^speedup (\d+\.\d+)x/));
  const speedup = await speedupOf(out, async () => (await runScenario(scenario)).out, 1.3);
  expect(speedup).toBeGreaterThan(1.3);
  // With 4 libuv threads the last 4 calls wait for the first 4: a pool as large as the number of
  // calls would finish them all together (about 1x).
  const firstWave = measured(out, /^the first 4 were done by (\d+) ms/);
  const all = measured(out, /, all 8 by (\d+) ms/);
  expect(all / firstWave).toBeGreaterThan(1.2);

  expectEntities(snap, [
    ...Array.from({ length: cores }, (_, i) => ({ name: `worker-${i + 1}`, kind: 'worker' as const, state: 'resolved' as const, value: 'exit 0' })),
    ...Array.from({ length: jobs }, (_, i) => ({ name: `job-${i + 1}`, kind: 'future' as const, state: 'resolved' as const })),
    ...Array.from({ length: 8 }, (_, i) => ({ name: `pbkdf2-${i + 1}`, kind: 'future' as const, state: 'resolved' as const })),
  ]);
  expectStepsMapped(scenario, run);
  expect(result.ok).toBe(true);
  expect(result.leaks).toEqual([]);
});

test('stopping the run mid-way terminates the worker threads and cancels their jobs', async () => {
  const run = new Run(loadBuiltin(threads)).start();
  // Mid-way: the threads are up and warmed, and the timed jobs handed out.
  await waitUntil(() => run.tracker.snapshot().entities.find((e) => e.name === 'job-1' && e.state === 'pending'), 10_000);
  const asked = performance.now();
  const result = await run.stop();
  expect(performance.now() - asked).toBeLessThan(1000);
  expect(result.status).toBe('stopped');
  expect(result.leaks).toEqual([]);

  const entities = run.tracker.snapshot().entities;
  const workers = entities.filter((e) => e.kind === 'worker');
  expect(workers).toHaveLength(cores);
  for (const worker of workers) expect(worker).toMatchObject({ state: 'cancelled', error: 'terminated when the run stopped' });
  const jobsLeft = entities.filter((e) => e.name.startsWith('job-'));
  expect(jobsLeft).toHaveLength(jobs);
  for (const job of jobsLeft) expect(job.state).toBe('cancelled');
  expect(entities.some((e) => e.name.startsWith('pbkdf2-'))).toBe(false);
});
