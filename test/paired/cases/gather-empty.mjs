// gather() of nothing is an empty list, and already done.
import { pyStr } from 'loopscope';

export default async (ctx) => {
  const g = ctx.gather();
  console.log('done:', pyStr(g.done()));
  console.log(pyStr(await g));
  console.log(pyStr(await ctx.gather(...[])));
};
