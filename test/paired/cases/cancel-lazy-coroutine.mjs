// A task parked in a sleep inside a coroutine it awaits is interrupted by cancel().
import { CancelledError, pyStr } from 'loopscope';

export default async (ctx) => {
  const nap = ctx.coroutine(async function nap() {
    await ctx.sleep(50);
    console.log('nap: woke up');
  });

  const worker = ctx.coroutine(async function worker() {
    try {
      await nap();
      console.log('worker: after the nap');
    } catch (e) {
      if (e instanceof CancelledError) console.log('worker: cancelled during the nap');
      throw e;
    }
  });

  const t = ctx.createTask(worker());
  await ctx.sleep(0);
  t.cancel();
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('main: the worker raised CancelledError');
  }
  console.log('worker cancelled:', pyStr(t.cancelled()));
};
