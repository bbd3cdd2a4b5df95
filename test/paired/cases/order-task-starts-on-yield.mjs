// A task created inside another starts only when its creator yields to the loop.
import { pyStr } from 'loopscope';

export default async (ctx) => {
  const child = ctx.coroutine(async function child() {
    console.log('child: started');
  });

  const t = ctx.createTask(child());
  console.log('main: created the task');
  console.log('main: still running, task done:', pyStr(t.done()));
  await ctx.sleep(0);
  console.log('main: after sleep(0), task done:', pyStr(t.done()));
};
