import { expect, test } from 'vitest';
import { Run } from '../src/agent/runner.js';
import { LoopMonitor } from '../src/runtime/loop-monitor.js';
import { expectEntities } from './helpers/entities.js';
import { runScenario, scenarioOf } from './helpers/run-scenario.js';
import { waitUntil } from './helpers/scenario-checks.js';

test('stop() aborts ctx.signal, so a wait the runtime cannot interrupt ends at once as a cancel', async () => {
  let signal: AbortSignal | undefined;
  const run = new Run(
    scenarioOf(async (ctx) => {
      signal = ctx.signal;
      // Stands for a worker's message or a socket: nothing a task cancel can reach.
      await new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)));
    }),
  ).start();
  await waitUntil(() => run.tracker.snapshot().entities.find((e) => e.name === 'Task-1' && e.state === 'waiting'));
  const asked = performance.now();
  const result = await run.stop('stopped by the test');
  expect(signal?.aborted).toBe(true);
  // Without the abort the body would be abandoned after the 1000 ms stop timeout.
  expect(performance.now() - asked).toBeLessThan(500);
  expect(result.status).toBe('stopped');
  expectEntities(run.tracker.snapshot(), [{ name: 'Task-1', state: 'cancelled', error: 'CancelledError: stopped by the test' }]);
});

test('a CPU block that ends the run is still marked on its timeline', async () => {
  const monitor = new LoopMonitor();
  monitor.start();
  const { snap } = await runScenario(
    scenarioOf(async () => {
      const until = performance.now() + 150;
      while (performance.now() < until); // pure CPU, as a loop nobody marks by hand
    }),
    { monitor },
  ).finally(() => monitor.stop());
  const blocks = snap.marks.filter((m) => m.kind === 'blocked');
  expect(blocks).toHaveLength(1);
  expect(blocks[0]!.end - blocks[0]!.start).toBeGreaterThan(100);
});
