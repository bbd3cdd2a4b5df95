// Cancelling a task cancels the future it is awaiting.
import { CancelledError, pyStr } from 'loopscope';

export default async (ctx) => {
  const waiter = ctx.coroutine(async function waiter(fut) {
    await fut;
  });

  const fut = ctx.createFuture();
  const t = ctx.createTask(waiter(fut));
  await ctx.sleep(0);
  t.cancel();
  console.log('future cancelled right after cancel():', pyStr(fut.cancelled()));
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('main: the waiter raised CancelledError');
  }
};
