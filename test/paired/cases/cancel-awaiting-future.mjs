// A task parked on `await fut` is interrupted by cancel().
import { CancelledError, pyStr } from 'loopscope';

export default async (ctx) => {
  const waiter = ctx.coroutine(async function waiter(fut) {
    try {
      await fut;
      console.log('waiter: got a result');
    } catch (e) {
      if (e instanceof CancelledError) console.log('waiter: cancelled');
      throw e;
    }
  });

  const fut = ctx.createFuture();
  const t = ctx.createTask(waiter(fut));
  await ctx.sleep(0);
  console.log('cancel:', pyStr(t.cancel()));
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('main: the task raised CancelledError');
  }
  console.log('task cancelled:', pyStr(t.cancelled()));
};
