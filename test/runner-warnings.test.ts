import { describe, expect, it } from 'vitest';
import { runScenario, scenarioOf } from './helpers/run-scenario.js';

describe('warnings at the end of a run', () => {
  it('marks a failed task nobody asked, a pending future nobody awaits, and a coroutine never awaited', async () => {
    const { snap } = await runScenario(
      scenarioOf(async (ctx) => {
        ctx.createTask('fails', async () => {
          throw new Error('boom');
        });
        const asked = ctx.createTask('asked', async () => {
          throw new Error('seen');
        });
        ctx.createFuture('forgotten');
        ctx.coroutine(async function lazy() {})();
        await ctx.sleep(5);
        // Reading the error is retrieving it, as in asyncio.
        expect(asked.exception()).toBeInstanceOf(Error);
      }),
    );
    const warnings = Object.fromEntries(snap.entities.map((e) => [e.name, e.warnings]));
    expect(warnings).toMatchObject({ fails: ['never-retrieved'], asked: [], forgotten: ['abandoned'], lazy: ['never-awaited'] });
  });

  it('gives no warning to a run that awaits what it makes', async () => {
    const { snap } = await runScenario(
      scenarioOf(async (ctx) => {
        const f = ctx.createFuture('answer');
        const t = ctx.createTask('setter', async () => f.setResult(1));
        await ctx.gather(f, t);
      }),
    );
    expect(snap.entities.flatMap((e) => e.warnings)).toEqual([]);
  });
});
