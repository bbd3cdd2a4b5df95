// wait(FIRST_COMPLETED) returns when one task is done; the others stay pending, not cancelled.
import { pyStr } from 'loopscope';

const names = (tasks) => [...tasks].map((t) => t.getName()).sort();

export default async (ctx) => {
  const work = ctx.coroutine(async function work(ms) {
    await ctx.sleep(ms);
    return ms;
  });

  const fast = ctx.createTask(work(10), 'fast');
  const slow = ctx.createTask(work(500), 'slow');
  const [done, pending] = await ctx.wait([fast, slow], { returnWhen: 'FIRST_COMPLETED' });
  console.log('done:', pyStr(names(done)), 'pending:', pyStr(names(pending)));
  console.log('slow cancelled:', pyStr(slow.cancelled()));
  console.log('slow gives', await slow);
};
