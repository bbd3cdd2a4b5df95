// A consumer parked on get() is cancellable; an item put afterwards stays in the queue.
import { CancelledError } from 'loopscope';

export default async (ctx) => {
  const consumer = ctx.coroutine(async function consumer(q) {
    try {
      console.log('consumer got', await q.get());
    } catch (e) {
      if (e instanceof CancelledError) console.log('consumer: cancelled in get()');
      throw e;
    }
  });

  const q = ctx.queue();
  const c = ctx.createTask(consumer(q));
  await ctx.sleep(0);
  c.cancel();
  await ctx.gather(c, { returnExceptions: true });
  q.putNowait('item');
  await ctx.sleep(0);
  console.log('qsize:', q.qsize(), 'next:', q.getNowait());
};
