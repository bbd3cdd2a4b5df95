// A Semaphore(2) lets two holders in; locked() is True while no more can enter; the third waits
// for the first to leave.
import { pyStr } from 'loopscope';

export default async (ctx) => {
  const worker = ctx.coroutine(async function worker(name, sem, ms) {
    await sem.with(async () => {
      console.log(name, 'in, locked:', pyStr(sem.locked()));
      await ctx.sleep(ms);
    });
    console.log(name, 'out');
  });

  const sem = ctx.semaphore(2);
  console.log('locked:', pyStr(sem.locked()));
  await ctx.gather(worker('a', sem, 10), worker('b', sem, 40), worker('c', sem, 10));
  console.log('locked:', pyStr(sem.locked()));
};
