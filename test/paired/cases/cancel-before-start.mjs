// A task cancelled before it started is not done until the loop gets to it; then it ends
// cancelled without its body running (and with no "never awaited" warning).
import { pyStr } from 'loopscope';

export default async (ctx) => {
  const work = ctx.coroutine(async function work() {
    console.log('work: the body ran');
  });

  const t = ctx.createTask(work());
  console.log('cancel:', pyStr(t.cancel()));
  console.log('done:', pyStr(t.done()), 'cancelled:', pyStr(t.cancelled()));
  await ctx.sleep(0);
  console.log('done:', pyStr(t.done()), 'cancelled:', pyStr(t.cancelled()));
};
