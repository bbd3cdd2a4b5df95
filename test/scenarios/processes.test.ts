import { availableParallelism } from 'node:os';
import { expect, test } from 'vitest';
import { loadBuiltin } from '../../scenarios/index.js';
import processes from '../../scenarios/processes.js';
import { Run } from '../../src/agent/runner.js';
import { expectEntities } from '../helpers/entities.js';
import { runScenario } from '../helpers/run-scenario.js';
import { expectStepsMapped, measured, speedupOf, waitUntil } from '../helpers/scenario-checks.js';

const cores = availableParallelism();
const jobs = Math.max(4, cores);

test('child processes speed the CPU work up too; their start-up is timed against a worker thread', async () => {
  const scenario = loadBuiltin(processes);
  const { out, snap, result, run } = await runScenario(scenario);

  for (let i = 1; i <= 3; i++) expect(out[i - 1]).toMatch(new RegExp(`^start-up ${i}: worker thread \\d+ ms, child process \\d+ ms$`));
  expect(out[3]).toMatch(/^median start-up: thread \d+ ms, process \d+ ms \(process \/ thread = \d+\.\d\)$/);
  expect(out[4]).toMatch(new RegExp(`^main thread, ${jobs} jobs one after another: \\d+ ms$`));
  for (let i = 1; i <= jobs; i++) expect(out[4 + i]).toMatch(new RegExp(`^job-${i}: 114155 primes in \\d+ ms in a child$`));
  expect(out[5 + jobs]).toMatch(new RegExp(`^pool of ${cores} child processes: \\d+ ms, starting them included$`));
  expect(out[6 + jobs]).toMatch(new RegExp(`^speedup \\d+\\.\\d\\dx with ${cores} processes$`));
  expect(out).toHaveLength(7 + jobs);

  const thread = measured(out, /^median start-up: thread (\d+) ms/);
  const child = measured(out, /^median start-up: .*, process (\d+) ms/);
  expect(thread).toBeGreaterThan(0);
  // Measured here: on Node 20 a child takes 2-3x a thread to answer (~90 vs ~35 ms); Node 24 boots a
  // process about as fast as a thread (~33 vs ~40 ms), so the ratio is only a claim about Node 20.
  if (process.versions.node.startsWith('20.')) expect(child).toBeGreaterThan(1.2 * thread);
  else expect(child).toBeGreaterThan(0);
  const speedup = await speedupOf(out, async () => (await runScenario(scenario)).out, 1.3);
  expect(speedup).toBeGreaterThan(1.3);

  const resolved = (name: string, kind: 'worker' | 'process') => ({ name, kind, state: 'resolved' as const, value: 'exit 0' });
  expectEntities(snap, [
    ...[1, 2, 3].flatMap((i) => [resolved(`spawn-worker-${i}`, 'worker'), resolved(`spawn-child-${i}`, 'process')]),
    ...Array.from({ length: cores }, (_, i) => resolved(`child-${i + 1}`, 'process')),
    ...Array.from({ length: jobs }, (_, i) => ({ name: `job-${i + 1}`, kind: 'future' as const, state: 'resolved' as const })),
  ]);
  expectStepsMapped(scenario, run);
  expect(result.ok).toBe(true);
  expect(result.leaks).toEqual([]);
});

test('stopping the run mid-way kills the children: no process is left', async () => {
  const run = new Run(loadBuiltin(processes)).start();
  await waitUntil(() => run.tracker.snapshot().entities.find((e) => e.name === 'child-1' && e.state === 'running'), 10_000);
  const asked = performance.now();
  const result = await run.stop();
  expect(performance.now() - asked).toBeLessThan(1000);
  expect(result.status).toBe('stopped');
  expect(result.leaks).toEqual([]);

  const children = run.tracker.snapshot().entities.filter((e) => /^child-\d+$/.test(e.name));
  expect(children).toHaveLength(cores);
  for (const child of children) {
    expect(child).toMatchObject({ kind: 'process', state: 'cancelled' });
    const pid = Number(/^pid (\d+)$/.exec(child.detail ?? '')?.[1]);
    expect(pid).toBeGreaterThan(0);
    // Signal 0 only checks that the process exists: it must be gone.
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
  }
  for (const job of run.tracker.snapshot().entities.filter((e) => e.name.startsWith('job-'))) expect(job.state).toBe('cancelled');
});
