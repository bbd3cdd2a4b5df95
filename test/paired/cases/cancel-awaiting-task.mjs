// A task parked on `await other_task` is interrupted by cancel().
import { CancelledError, pyStr } from 'loopscope';

export default async (ctx) => {
  const sleeper = ctx.coroutine(async function sleeper() {
    await ctx.sleep(50);
    return 'sleeper done';
  });

  const awaiter = ctx.coroutine(async function awaiter(other) {
    try {
      console.log('awaiter got', await other);
    } catch (e) {
      if (e instanceof CancelledError) console.log('awaiter: cancelled');
      throw e;
    }
  });

  const b = ctx.createTask(sleeper());
  const a = ctx.createTask(awaiter(b));
  await ctx.sleep(0);
  a.cancel();
  try {
    await a;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('main: the awaiter raised CancelledError');
  }
  console.log('awaiter cancelled:', pyStr(a.cancelled()));
};
