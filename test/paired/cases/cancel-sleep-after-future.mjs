// After `await fut` has returned, the sleep the task parks on next is still interrupted by cancel().
import { CancelledError } from 'loopscope';

export default async (ctx) => {
  const worker = ctx.coroutine(async function worker(fut) {
    console.log('worker got', await fut);
    try {
      await ctx.sleep(50);
      console.log('worker: slept');
    } catch (e) {
      if (e instanceof CancelledError) console.log('worker: cancelled in the sleep');
      throw e;
    }
  });

  const fut = ctx.createFuture();
  const t = ctx.createTask(worker(fut));
  await ctx.sleep(0);
  fut.setResult('x');
  await ctx.sleep(0);
  t.cancel();
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('main: the worker raised CancelledError');
  }
};
