// Cancelling the task that awaits a gather cancels the gather and its children: they unwind
// before the task sees CancelledError.
import { CancelledError, pyRepr } from 'loopscope';

export default async (ctx) => {
  const child = ctx.coroutine(async function child(i) {
    try {
      await ctx.sleep(50);
    } finally {
      console.log('child', i, 'finally');
    }
  });

  const parent = ctx.coroutine(async function parent() {
    try {
      await ctx.gather(child(1), child(2));
    } catch (e) {
      if (e instanceof CancelledError) console.log('parent sees', pyRepr(e));
      throw e;
    }
  });

  const t = ctx.createTask(parent());
  // One turn starts the parent, the next its children.
  await ctx.sleep(0);
  await ctx.sleep(0);
  t.cancel('enough');
  try {
    await t;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('main sees', pyRepr(e));
  }
};
