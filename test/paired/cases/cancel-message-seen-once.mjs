// A task that ended by raising CancelledError('msg') hands that very error to the first one who
// asks; later result() calls raise a fresh CancelledError() without the message. A cancelled
// Future keeps its message for everyone.
import { CancelledError, pyRepr } from 'loopscope';

export default async (ctx) => {
  const worker = ctx.coroutine(async function worker() {
    await ctx.sleep(50);
  });

  const t = ctx.createTask(worker());
  await ctx.sleep(0);
  t.cancel('stop now');
  for (const asker of ['await', 'result() 1', 'result() 2']) {
    try {
      if (asker === 'await') await t;
      else t.result();
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log('task,', asker, '->', pyRepr(e));
    }
  }
  const fut = ctx.createFuture();
  fut.cancel('why');
  for (const asker of ['await', 'result() 1', 'result() 2']) {
    try {
      if (asker === 'await') await fut;
      else fut.result();
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log('future,', asker, '->', pyRepr(e));
    }
  }
};
