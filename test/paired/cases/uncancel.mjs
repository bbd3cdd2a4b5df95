// cancelling() counts cancel requests; uncancel() takes one back and returns what is left.
import { CancelledError, pyStr } from 'loopscope';

export default async (ctx) => {
  const worker = ctx.coroutine(async function worker() {
    const me = ctx.currentTask();
    try {
      await ctx.sleep(50);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log('worker: cancelling() =', me.cancelling());
      console.log('worker: uncancel() ->', me.uncancel());
      console.log('worker: cancelling() =', me.cancelling());
    }
    await ctx.sleep(10);
    return 'finished';
  });

  const t = ctx.createTask(worker());
  console.log('before: cancelling() =', t.cancelling());
  await ctx.sleep(0);
  t.cancel();
  console.log('after cancel(): cancelling() =', t.cancelling());
  console.log('main got', await t);
  console.log('cancelled:', pyStr(t.cancelled()), 'cancelling:', t.cancelling());
};
