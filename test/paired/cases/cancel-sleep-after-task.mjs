// After `await other_task` has returned, the sleep the task parks on next is still interrupted by cancel().
import { CancelledError } from 'loopscope';

export default async (ctx) => {
  const helper = ctx.coroutine(async function helper() {
    await ctx.sleep(0);
    return 'h';
  });

  const worker = ctx.coroutine(async function worker(other) {
    console.log('worker got', await other);
    try {
      await ctx.sleep(50);
      console.log('worker: slept');
    } catch (e) {
      if (e instanceof CancelledError) console.log('worker: cancelled in the sleep');
      throw e;
    }
  });

  const h = ctx.createTask(helper());
  const t = ctx.createTask(worker(h));
  await h;
  // The worker's wake-up was queued after ours: one more turn lets it reach the sleep.
  await ctx.sleep(0);
  t.cancel();
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('main: the worker raised CancelledError');
  }
};
