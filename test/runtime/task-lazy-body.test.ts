import { expect, test } from 'vitest';
import { expectEntities } from '../helpers/entities.js';
import { runScenario, scenarioOf } from '../helpers/run-scenario.js';

// A task body that returns a lazy coroutine object starts it inside then(); the coroutine's
// sleep must still belong to the task, or cancel() cannot interrupt it.
test('a task whose body returns a coroutine object is cancelled mid-sleep', async () => {
  const { out, snap, result } = await runScenario(
    scenarioOf(async (ctx) => {
      const nap = ctx.coroutine(async function nap() {
        await ctx.sleep(1000);
        return 'woke up';
      });
      const napper = ctx.createTask('napper', () => nap());
      await ctx.sleep(20);
      napper.cancel('enough');
      const since = ctx.now();
      try {
        console.log(`result ${await napper}`);
      } catch (error) {
        console.log(`raised ${(error as Error).name}: ${(error as Error).message}`);
      }
      console.log(`settled within ${ctx.now() - since < 200 ? '200 ms' : 'the whole sleep'}`);
    }),
  );
  expect(out).toEqual(['raised CancelledError: enough', 'settled within 200 ms']);
  expectEntities(snap, [
    { name: 'napper', kind: 'task', state: 'cancelled' },
    { name: 'nap', kind: 'coroutine', state: 'cancelled' },
  ]);
  expect(result.ok).toBe(true);
});
