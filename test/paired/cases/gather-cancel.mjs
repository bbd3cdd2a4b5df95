// Cancelling a gather cancels its children with the message; the gather ends only once they have
// unwound (their finally blocks print first), and it ends with a CancelledError exception set,
// so cancelled() is False.
import { CancelledError, pyRepr, pyStr } from 'loopscope';

export default async (ctx) => {
  const child = ctx.coroutine(async function child(i) {
    try {
      await ctx.sleep(50);
    } finally {
      console.log('child', i, 'finally');
    }
  });

  const g = ctx.gather(child(1), child(2), child(3));
  await ctx.sleep(0);
  console.log('cancel:', pyStr(g.cancel('stop')));
  console.log('done right after cancel():', pyStr(g.done()));
  try {
    await g;
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('main sees', pyRepr(e));
  }
  console.log('gather cancelled():', pyStr(g.cancelled()));
};
