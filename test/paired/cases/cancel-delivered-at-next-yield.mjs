// A cancel request made while the task runs waits for the task to yield: awaiting a done future
// does not yield, sleep(0) does.
import { CancelledError } from 'loopscope';

export default async (ctx) => {
  const worker = ctx.coroutine(async function worker(doneFut) {
    ctx.currentTask().cancel();
    console.log('worker: still running after cancel()');
    console.log('worker: a done future gives', await doneFut);
    try {
      await ctx.sleep(0);
      console.log('worker: sleep(0) returned');
    } catch (e) {
      if (e instanceof CancelledError) console.log('worker: cancelled at sleep(0)');
      throw e;
    }
  });

  const doneFut = ctx.createFuture();
  doneFut.setResult('x');
  const t = ctx.createTask(worker(doneFut));
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('main: the worker raised CancelledError');
  }
};
