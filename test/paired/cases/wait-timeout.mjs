// wait(timeout=...) returns what is done so far when time is up, and cancels nothing.
import { pyStr } from 'loopscope';

export default async (ctx) => {
  const work = ctx.coroutine(async function work(ms) {
    await ctx.sleep(ms);
    return ms;
  });

  const slow = ctx.createTask(work(60), 'slow');
  const [done, pending] = await ctx.wait([slow], { timeout: 10 });
  console.log('done:', done.size, 'pending:', pyStr([...pending].map((t) => t.getName())));
  console.log('slow cancelled:', pyStr(slow.cancelled()), 'done:', pyStr(slow.done()));
  console.log('slow gives', await slow);
};
