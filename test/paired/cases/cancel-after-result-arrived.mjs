// The future a task awaits has its result, but the task has not resumed yet: a cancel() now
// still raises CancelledError at that await, and the result is never seen.
import { CancelledError, pyStr } from 'loopscope';

export default async (ctx) => {
  const worker = ctx.coroutine(async function worker(fut) {
    try {
      console.log('worker got', await fut);
    } catch (e) {
      if (e instanceof CancelledError) console.log('worker: cancelled at the await that had a result');
      throw e;
    }
  });

  const fut = ctx.createFuture();
  const t = ctx.createTask(worker(fut));
  await ctx.sleep(0);
  fut.setResult('x');
  console.log('cancel:', pyStr(t.cancel()));
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('main: the worker raised CancelledError');
  }
  console.log('future result:', fut.result());
};
