// A task parked on a future shows it as wait_for, and the future shows the task's wake-up as its
// callback.
export default async (ctx) => {
  const waiter = ctx.coroutine(async function waiter(fut) {
    return await fut;
  });

  const fut = ctx.createFuture();
  const t = ctx.createTask(waiter(fut), 'w');
  await ctx.sleep(0);
  console.log(`${t}`);
  console.log(`${fut}`);
  fut.setResult('done');
  await t;
  console.log(`${t}`);
};
