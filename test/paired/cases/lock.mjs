// `async with lock:` lets one task in at a time, the others in the order they came.
import { pyRepr, pyStr } from 'loopscope';

export default async (ctx) => {
  const worker = ctx.coroutine(async function worker(name, lock) {
    await lock.with(async () => {
      console.log(name, 'in, locked:', pyStr(lock.locked()));
      await ctx.sleep(0);
      console.log(name, 'out');
    });
  });

  const lock = ctx.lock();
  await ctx.gather(worker('a', lock), worker('b', lock), worker('c', lock));
  console.log('locked at the end:', pyStr(lock.locked()));
  try {
    lock.release();
  } catch (e) {
    if (e.name !== 'RuntimeError') throw e;
    console.log('release():', pyRepr(e));
  }
};
