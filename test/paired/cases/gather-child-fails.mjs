// A failing child makes gather raise at once; the other children are not cancelled and run on.
import { pyRepr, pyStr } from 'loopscope';

class ValueError extends Error {
  name = 'ValueError';
}

export default async (ctx) => {
  const fails = ctx.coroutine(async function fails() {
    throw new ValueError('boom');
  });

  const slow = ctx.coroutine(async function slow() {
    await ctx.sleep(20);
    console.log('slow: finished');
    return 'slow result';
  });

  const s = ctx.createTask(slow());
  try {
    await ctx.gather(fails(), s);
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    console.log('gather raised', pyRepr(e));
  }
  console.log('slow done:', pyStr(s.done()));
  console.log('main got', await s);
  console.log('slow cancelled:', pyStr(s.cancelled()));
};
