// Cancelling a task that awaits another task cancels the other one; if the other one swallows
// the cancellation and returns, the awaiting task gets that result and goes on, not cancelled.
import { CancelledError, pyStr } from 'loopscope';

export default async (ctx) => {
  const inner = ctx.coroutine(async function inner() {
    try {
      await ctx.sleep(50);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log('inner: swallowed the cancellation');
      return 'inner result';
    }
  });

  const outer = ctx.coroutine(async function outer(other) {
    const got = await other;
    console.log('outer got', got, 'cancelling() =', ctx.currentTask().cancelling());
    await ctx.sleep(10);
    console.log('outer: slept again');
    return 'outer result';
  });

  const i = ctx.createTask(inner());
  const o = ctx.createTask(outer(i));
  await ctx.sleep(0);
  o.cancel();
  console.log('main got', await o);
  console.log('outer cancelled:', pyStr(o.cancelled()), 'inner cancelled:', pyStr(i.cancelled()));
};
