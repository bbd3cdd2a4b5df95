// Event: waiters park until set(); set() wakes them all in the order they waited; clear() resets.
import { pyStr } from 'loopscope';

export default async (ctx) => {
  const waiter = ctx.coroutine(async function waiter(name, ev) {
    await ev.wait();
    console.log(name, 'woke');
  });

  const ev = ctx.event();
  const tasks = ['a', 'b'].map((n) => ctx.createTask(waiter(n, ev)));
  await ctx.sleep(0);
  console.log('is_set:', pyStr(ev.isSet()));
  ev.set();
  console.log('is_set:', pyStr(ev.isSet()));
  await ctx.gather(...tasks);
  console.log('wait() on a set event returns', pyStr(await ev.wait()));
  ev.clear();
  console.log('is_set after clear():', pyStr(ev.isSet()));
};
