// current_task() is the task running the code: main's own, a child's, and None in a callback.
import { pyStr } from 'loopscope';

export default async (ctx) => {
  const child = ctx.coroutine(async function child(made) {
    const me = ctx.currentTask();
    console.log('child: current task is', me.getName());
    console.log('child: it is the task main made:', pyStr(me === made[0]));
  });

  console.log('main: current task is', ctx.currentTask().getName());
  const made = [];
  made.push(ctx.createTask(child(made), 'kid'));
  await made[0];
  const fut = ctx.createFuture();
  fut.addDoneCallback(() => console.log('callback: current task is', pyStr(ctx.currentTask())));
  fut.setResult(null);
  await ctx.sleep(0);
};
