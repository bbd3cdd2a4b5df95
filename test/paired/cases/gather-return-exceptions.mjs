// gather(return_exceptions=True) puts each child's exception in its slot, in argument order.
import { pyStr } from 'loopscope';

class ValueError extends Error {
  name = 'ValueError';
}

export default async (ctx) => {
  const ok = ctx.coroutine(async function ok(n) {
    await ctx.sleep(10);
    return n;
  });

  const bad = ctx.coroutine(async function bad() {
    throw new ValueError('bad');
  });

  const results = await ctx.gather(ok(1), bad(), ok(3), { returnExceptions: true });
  console.log(pyStr(results));
};
