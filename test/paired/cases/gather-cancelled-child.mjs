// One child of a gather is cancelled: with return_exceptions its slot holds a new
// CancelledError('') (a task's cancel message is not kept there); without, the gather raises the
// child's CancelledError, though the task awaiting the gather was not cancelled.
import { CancelledError, pyRepr, pyStr } from 'loopscope';

export default async (ctx) => {
  const ok = ctx.coroutine(async function ok(n) {
    await ctx.sleep(10);
    return n;
  });

  let victim = ctx.createTask(ok(2));
  let g = ctx.gather(ok(1), victim, ok(3), { returnExceptions: true });
  victim.cancel('victim');
  console.log(pyStr(await g));
  victim = ctx.createTask(ok(2));
  g = ctx.gather(ok(1), victim, ok(3));
  victim.cancel('victim');
  try {
    await g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('gather raised', pyRepr(e), 'main cancelling:', ctx.currentTask().cancelling());
  }
  await ctx.sleep(20);
};
