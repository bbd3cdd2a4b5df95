// A task that catches CancelledError and returns a value ends with that result, not cancelled.
import { CancelledError, pyRepr, pyStr } from 'loopscope';

export default async (ctx) => {
  const worker = ctx.coroutine(async function worker() {
    try {
      await ctx.sleep(50);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log('worker: cancelled, returning a value');
      return 'recovered';
    }
  });

  const t = ctx.createTask(worker());
  await ctx.sleep(0);
  t.cancel();
  console.log('main got', await t);
  console.log('cancelled:', pyStr(t.cancelled()), 'result:', pyRepr(t.result()));
};
