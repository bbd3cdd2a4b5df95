// A future's done callbacks and the wake-ups of tasks awaiting it run in the order they were
// added, all from one queue.
export default async (ctx) => {
  const waiter = ctx.coroutine(async function waiter(fut) {
    await fut;
    console.log('task woke');
  });

  const fut = ctx.createFuture();
  fut.addDoneCallback(() => console.log('callback 1'));
  const t = ctx.createTask(waiter(fut));
  await ctx.sleep(0);
  fut.addDoneCallback(() => console.log('callback 2'));
  fut.setResult(null);
  console.log('main: result set');
  await t;
};
