// Two cancel() calls deliver one CancelledError; cancelling() counts both requests.
import { CancelledError, pyStr } from 'loopscope';

export default async (ctx) => {
  const worker = ctx.coroutine(async function worker() {
    try {
      await ctx.sleep(50);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log('worker: caught CancelledError, cancelling() =', ctx.currentTask().cancelling());
    }
    await ctx.sleep(10);
    console.log('worker: the second request did not raise again');
    return 'finished';
  });

  const t = ctx.createTask(worker());
  await ctx.sleep(0);
  console.log('first cancel:', pyStr(t.cancel()));
  console.log('second cancel:', pyStr(t.cancel()));
  console.log('main got', await t);
  console.log('cancelled:', pyStr(t.cancelled()), 'cancelling:', t.cancelling());
};
