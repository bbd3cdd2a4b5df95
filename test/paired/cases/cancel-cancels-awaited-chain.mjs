// Cancelling a task cancels the task it awaits, and so on down: the innermost unwinds first.
import { CancelledError, pyStr } from 'loopscope';

export default async (ctx) => {
  const level = ctx.coroutine(async function level(name, inner) {
    try {
      if (inner === null) await ctx.sleep(50);
      else await inner;
    } finally {
      console.log(name, 'unwinds');
    }
  });

  const c = ctx.createTask(level('c', null), 'c');
  const b = ctx.createTask(level('b', c), 'b');
  const a = ctx.createTask(level('a', b), 'a');
  await ctx.sleep(0);
  a.cancel();
  try {
    await a;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('main: a raised CancelledError');
  }
  for (const t of [a, b, c]) {
    console.log(t.getName(), 'cancelled:', pyStr(t.cancelled()), 'cancelling:', t.cancelling());
  }
};
