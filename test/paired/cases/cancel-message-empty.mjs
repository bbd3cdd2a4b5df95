// Without a message, CancelledError's message is empty, for a task and for a future.
import { CancelledError, pyRepr } from 'loopscope';

export default async (ctx) => {
  const worker = ctx.coroutine(async function worker() {
    await ctx.sleep(50);
  });

  const t = ctx.createTask(worker());
  await ctx.sleep(0);
  t.cancel();
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('task:', pyRepr(e), 'str:', pyRepr(e.message));
  }
  const fut = ctx.createFuture();
  fut.cancel();
  try {
    await fut;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('future:', pyRepr(e), 'str:', pyRepr(e.message));
  }
};
