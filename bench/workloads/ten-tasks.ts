// Run as `--file` by bench/figures/dashboard-cpu.ts: ten tasks that each wake up 30 times a second
// (running, then waiting on a sleep again) for `SECONDS`, so the dashboard has something that
// changes on every frame. It prints nothing while it runs, and its wall time at the end.
import type { Ctx } from '../../src/agent/context.js';

const TASKS = 10;
const FRAME_MS = 1000 / 30;
const SECONDS = 22;

export default async function tenTasks(ctx: Ctx): Promise<void> {
  const start = ctx.now();
  const busy = Array.from({ length: TASKS }, (_, i) =>
    ctx.createTask(`ticker-${i + 1}`, async () => {
      let ticks = 0;
      while (ctx.now() - start < SECONDS * 1000) {
        await ctx.sleep(FRAME_MS);
        ticks++;
      }
      return ticks;
    }),
  );
  await ctx.gather(...busy);
  console.log(`wall ${(ctx.now() - start).toFixed(1)} ms`);
}
