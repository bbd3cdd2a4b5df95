// Awaiting a future that is already done does not yield: a task created before does not start,
// however many times it is done.
export default async (ctx) => {
  const child = ctx.coroutine(async function child() {
    console.log('child: started');
  });

  const fut = ctx.createFuture();
  fut.setResult('ready');
  ctx.createTask(child());
  for (let i = 0; i < 3; i++) console.log('main: await of a done future gives', await fut);
  await ctx.sleep(0);
  console.log('main: after sleep(0)');
};
