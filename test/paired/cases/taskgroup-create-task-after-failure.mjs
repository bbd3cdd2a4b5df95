// Once a child has failed, the TaskGroup is shutting down: create_task raises RuntimeError.
import { CancelledError, ExceptionGroup, pyRepr } from 'loopscope';

class ValueError extends Error {
  name = 'ValueError';
}

export default async (ctx) => {
  const fails = ctx.coroutine(async function fails() {
    throw new ValueError('child failed');
  });

  async function late() {
    console.log('late: ran');
  }

  try {
    await ctx.taskGroup(async (tg) => {
      tg.createTask(fails());
      try {
        await ctx.sleep(50);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        console.log('body cancelled');
      }
      // A function, not a coroutine object: Python closes its refused coroutine by hand, so
      // nothing is left that was never awaited.
      try {
        tg.createTask(late);
      } catch (e) {
        if (e.name !== 'RuntimeError') throw e;
        console.log(e.name, e.message);
      }
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    for (const e of eg.exceptions) console.log('group held', pyRepr(e));
  }
};
