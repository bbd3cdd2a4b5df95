// A timeout's deadline can be moved: reschedule() later lets the body finish; timeout(None) has
// no deadline until one is set.
import { pyStr } from 'loopscope';

export default async (ctx) => {
  let cm;
  await ctx.timeout(10, async (c) => {
    cm = c;
    cm.reschedule(ctx.time() + 500);
    await ctx.sleep(30);
    console.log('body: finished after the first deadline');
  });
  console.log('expired:', pyStr(cm.expired()));
  await ctx.timeout(null, async (c) => {
    cm = c;
    console.log('when:', pyStr(cm.when()));
    await ctx.sleep(10);
    console.log('body: no deadline');
  });
  console.log('expired:', pyStr(cm.expired()));
};
