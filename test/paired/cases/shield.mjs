// Cancelling a task that awaits shield(inner) cancels the task, not the inner one, which runs on.
import { CancelledError, pyStr } from 'loopscope';

export default async (ctx) => {
  const inner = ctx.coroutine(async function inner() {
    await ctx.sleep(20);
    console.log('inner: finished');
    return 'inner result';
  });
  const outer = ctx.coroutine(async function outer(t) {
    try {
      await ctx.shield(t);
    } catch (e) {
      if (e instanceof CancelledError) console.log('outer: cancelled');
      throw e;
    }
  });

  const i = ctx.createTask(inner());
  const o = ctx.createTask(outer(i));
  await ctx.sleep(0);
  o.cancel();
  await ctx.gather(o, { returnExceptions: true });
  console.log('outer cancelled:', pyStr(o.cancelled()), 'inner cancelled:', pyStr(i.cancelled()));
  console.log('main got', await i);
};
