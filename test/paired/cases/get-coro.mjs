// get_coro() is the coroutine object the task wraps.
import { pyStr } from 'loopscope';

export default async (ctx) => {
  const work = ctx.coroutine(async function work() {
    return 'w';
  });

  const coro = work();
  console.log(`${coro}`);
  const t = ctx.createTask(coro);
  console.log(pyStr(t.getCoro() === coro));
  console.log(pyStr(t.getCoro()));
  await t;
};
