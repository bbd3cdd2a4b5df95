import { expect, test } from 'vitest';
import tasks from '../../scenarios/tasks.js';
import { loadBuiltin } from '../../scenarios/index.js';
import { expectEntities } from '../helpers/entities.js';
import { runScenario } from '../helpers/run-scenario.js';
import { expectStepsMapped, measured } from '../helpers/scenario-checks.js';

test('tasks start when the creator yields, are futures, can be cancelled mid-sleep and keep their errors', async () => {
  const scenario = loadBuiltin(tasks);
  const { out, snap, result, run } = await runScenario(scenario);
  expect(out).toEqual([
    "<Task pending name='order-1' coro=<cook()>>",
    'order-1: cooking for 100 ms',
    "<Task pending name='order-1' coro=<cook()> wait_for=<Future pending cb=[Task.task_wakeup()]>>",
    'order-1: finally, the grill is off',
    "await order-1 -> 'order-1 ready'",
    'add_done_callback on a finished task: the callback comes on a later turn',
    "done callback: order-1 -> 'order-1 ready'",
    'order-2: cooking for 1000 ms',
    'order-2: finally, the grill is off',
    'await order-2 raised CancelledError: the customer left',
    expect.stringMatching(/^<Task cancelled name='order-2' coro=<cook\(\)>>: ended \d+ ms into a 1000 ms sleep$/),
    "<Task finished name='order-3' coro=<burn()> exception=Error('order-3: the fries caught fire')>",
    'await order-3 raised Error: order-3: the fries caught fire',
  ]);
  // Cancelled after ~100 ms: it did not sleep its whole second.
  const cancelledAfter = measured(out, /ended (\d+) ms into/);
  expect(cancelledAfter).toBeGreaterThanOrEqual(95);
  expect(cancelledAfter).toBeLessThan(500);

  expectEntities(snap, [
    { name: 'order-1', kind: 'task', state: 'resolved', value: 'order-1 ready' },
    { name: 'order-2', kind: 'task', state: 'cancelled', error: 'CancelledError: the customer left' },
    { name: 'order-3', kind: 'task', state: 'rejected', error: 'Error: order-3: the fries caught fire' },
    { name: 'cook', kind: 'coroutine', state: 'resolved' },
    { name: 'cook', kind: 'coroutine', state: 'cancelled' },
    { name: 'burn', kind: 'coroutine', state: 'rejected' },
  ]);
  expectStepsMapped(scenario, run);
  expect(result.ok).toBe(true);
  expect(result.leaks).toEqual([]);
});
