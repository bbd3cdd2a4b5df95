// On time-out wait_for cancels the inner task and waits for it to unwind, then raises a
// TimeoutError with an empty message.
import { pyRepr, pyStr, TimeoutError } from 'loopscope';

export default async (ctx) => {
  const slow = ctx.coroutine(async function slow() {
    try {
      await ctx.sleep(60);
      console.log('slow: finished');
    } finally {
      console.log('slow: unwinds');
    }
  });

  const t = ctx.createTask(slow());
  try {
    await ctx.waitFor(t, 10);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log('main:', pyRepr(e), 'str:', pyRepr(e.message));
  }
  console.log('inner cancelled:', pyStr(t.cancelled()));
};
