// A failing child cancels the TaskGroup's body and its siblings; once all have unwound, the group
// raises an ExceptionGroup of the failure.
import { CancelledError, ExceptionGroup, pyRepr, pyStr } from 'loopscope';

class ValueError extends Error {
  name = 'ValueError';
}

export default async (ctx) => {
  const fails = ctx.coroutine(async function fails() {
    await ctx.sleep(10);
    throw new ValueError('child failed');
  });

  const sibling = ctx.coroutine(async function sibling() {
    try {
      await ctx.sleep(50);
    } finally {
      console.log('sibling unwinds');
    }
  });

  try {
    await ctx.taskGroup(async (tg) => {
      tg.createTask(fails());
      tg.createTask(sibling());
      try {
        await ctx.sleep(50);
      } catch (e) {
        if (e instanceof CancelledError) console.log('body cancelled');
        throw e;
      }
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log('caught', pyStr(eg));
    for (const e of eg.exceptions) console.log(' ', pyRepr(e));
  }
  console.log('main cancelling:', ctx.currentTask().cancelling());
};
