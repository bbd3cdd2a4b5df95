// wait(FIRST_EXCEPTION) returns when a task fails; wait itself does not raise.
import { pyRepr, pyStr } from 'loopscope';

class ValueError extends Error {
  name = 'ValueError';
}

const names = (tasks) => [...tasks].map((t) => t.getName()).sort();

export default async (ctx) => {
  const work = ctx.coroutine(async function work(ms, fail = false) {
    await ctx.sleep(ms);
    if (fail) throw new ValueError(`failed after ${ms} ms`);
    return ms;
  });

  const ok = ctx.createTask(work(10), 'ok');
  const bad = ctx.createTask(work(20, true), 'bad');
  const slow = ctx.createTask(work(500), 'slow');
  const [done, pending] = await ctx.wait([ok, bad, slow], { returnWhen: 'FIRST_EXCEPTION' });
  console.log('done:', pyStr(names(done)), 'pending:', pyStr(names(pending)));
  console.log('bad:', pyRepr(bad.exception()));
  slow.cancel();
  await ctx.gather(slow, { returnExceptions: true });
};
