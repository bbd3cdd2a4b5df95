// join() returns once every item put has been marked task_done(); the consumer parked on get()
// is then cancelled.
import { CancelledError, pyStr } from 'loopscope';

export default async (ctx) => {
  const consumer = ctx.coroutine(async function consumer(q) {
    try {
      for (;;) {
        const item = await q.get();
        console.log('consumed', item);
        q.taskDone();
      }
    } catch (e) {
      if (e instanceof CancelledError) console.log('consumer: cancelled while waiting');
      throw e;
    }
  });

  const q = ctx.queue();
  const c = ctx.createTask(consumer(q));
  for (let i = 0; i < 3; i++) {
    await q.put(i);
    console.log('put', i);
  }
  await q.join();
  console.log('joined, empty:', pyStr(q.empty()));
  c.cancel();
  await ctx.gather(c, { returnExceptions: true });
};
