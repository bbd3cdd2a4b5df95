// On time-out wait_for cancels the inner task; if the task swallows the cancellation and returns,
// wait_for returns that value instead of raising TimeoutError.
import { CancelledError } from 'loopscope';

export default async (ctx) => {
  const stubborn = ctx.coroutine(async function stubborn() {
    try {
      await ctx.sleep(60);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      console.log('stubborn: swallowed the cancellation');
    }
    return 'stubborn result';
  });

  console.log('main got', await ctx.waitFor(stubborn(), 10));
};
