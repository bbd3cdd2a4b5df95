// Cancelling a task that is in wait_for cancels the inner awaitable too, and waits for it.
import { CancelledError } from 'loopscope';

export default async (ctx) => {
  const inner = ctx.coroutine(async function inner() {
    try {
      await ctx.sleep(60);
    } finally {
      console.log('inner: unwinds');
    }
  });
  const outer = ctx.coroutine(async function outer() {
    try {
      await ctx.waitFor(inner(), 50);
    } catch (e) {
      if (e instanceof CancelledError) console.log('outer: cancelled');
      throw e;
    }
  });

  const t = ctx.createTask(outer());
  // One turn starts the outer task, the next the inner one wait_for made.
  await ctx.sleep(0);
  await ctx.sleep(0);
  t.cancel();
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('main: the outer task was cancelled');
  }
};
