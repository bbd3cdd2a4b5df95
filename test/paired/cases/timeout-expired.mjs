// asyncio.timeout: when time is up the body is cancelled at its await, and TimeoutError (with an
// empty message) comes out of the block; expired() says so.
import { CancelledError, pyRepr, pyStr, TimeoutError } from 'loopscope';

export default async (ctx) => {
  let cm;
  try {
    await ctx.timeout(10, async (c) => {
      cm = c;
      try {
        await ctx.sleep(60);
        console.log('body: slept');
      } catch (e) {
        if (e instanceof CancelledError) console.log('body: cancelled');
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log('main:', pyRepr(e));
  }
  console.log('expired:', pyStr(cm.expired()));
  console.log('main cancelling:', ctx.currentTask().cancelling());
};
