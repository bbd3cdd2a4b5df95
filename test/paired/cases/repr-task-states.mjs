// A task's repr in each state: pending, finished with a result or an exception, cancelled.
import { pyStr } from 'loopscope';

class ValueError extends Error {
  name = 'ValueError';
}

export default async (ctx) => {
  const work = ctx.coroutine(async function work(outcome) {
    if (outcome === 'raise') throw new ValueError('bad');
    return outcome;
  });
  const idle = ctx.coroutine(async function idle() {
    await ctx.sleep(50);
  });

  const ok = ctx.createTask(work(3), 'ok');
  console.log(`${ok}`);
  await ok;
  console.log(`${ok}`);
  const bad = ctx.createTask(work('raise'), 'bad');
  await ctx.gather(bad, { returnExceptions: true });
  console.log(pyStr(bad));
  const gone = ctx.createTask(idle(), 'gone');
  await ctx.sleep(0);
  gone.cancel();
  await ctx.gather(gone, { returnExceptions: true });
  console.log(String(gone));
};
