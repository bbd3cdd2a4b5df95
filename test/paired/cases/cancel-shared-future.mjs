// Two tasks await the same future: cancelling one cancels the future, so the other one gets
// CancelledError too, though nobody cancelled it.
import { CancelledError, pyStr } from 'loopscope';

export default async (ctx) => {
  const waiter = ctx.coroutine(async function waiter(name, fut) {
    try {
      await fut;
    } catch (e) {
      if (e instanceof CancelledError) console.log(name, 'got CancelledError');
      throw e;
    }
  });

  const fut = ctx.createFuture();
  const a = ctx.createTask(waiter('a', fut));
  const b = ctx.createTask(waiter('b', fut));
  await ctx.sleep(0);
  a.cancel();
  await ctx.gather(a, b, { returnExceptions: true });
  console.log('a cancelled:', pyStr(a.cancelled()), 'b cancelled:', pyStr(b.cancelled()), 'b cancelling:', b.cancelling());
};
