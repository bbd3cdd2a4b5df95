// wait() by default returns once every task is done, failed ones included.
import { pyRepr } from 'loopscope';

class ValueError extends Error {
  name = 'ValueError';
}

export default async (ctx) => {
  const work = ctx.coroutine(async function work(ms, fail = false) {
    await ctx.sleep(ms);
    if (fail) throw new ValueError('failed');
    return ms;
  });

  const tasks = [ctx.createTask(work(20), 'a'), ctx.createTask(work(10, true), 'b')];
  const [done, pending] = await ctx.wait(tasks);
  console.log('done:', done.size, 'pending:', pending.size);
  for (const t of tasks) console.log(t.getName(), t.exception() ? pyRepr(t.exception()) : t.result());
};
