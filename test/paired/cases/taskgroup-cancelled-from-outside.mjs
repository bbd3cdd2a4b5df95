// Cancelling the task that runs a TaskGroup cancels the child; the task sees CancelledError, not
// an ExceptionGroup. (One child: a TaskGroup cancels several in the order of a set.)
import { CancelledError } from 'loopscope';

export default async (ctx) => {
  const child = ctx.coroutine(async function child() {
    try {
      await ctx.sleep(50);
    } finally {
      console.log('child unwinds');
    }
  });

  const runner = ctx.coroutine(async function runner() {
    try {
      await ctx.taskGroup(async (tg) => {
        tg.createTask(child());
      });
    } catch (e) {
      if (e instanceof CancelledError) console.log('runner: CancelledError came out of the group');
      throw e;
    }
  });

  const t = ctx.createTask(runner());
  // One turn enters the group, the next starts its child.
  await ctx.sleep(0);
  await ctx.sleep(0);
  t.cancel();
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('main: the runner was cancelled');
  }
};
