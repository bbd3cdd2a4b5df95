// A callback added to a future that is already done is queued at once, behind what is already
// queued, such as a task created just before.
export default async (ctx) => {
  const child = ctx.coroutine(async function child() {
    console.log('child: started');
  });

  const fut = ctx.createFuture();
  fut.setResult(null);
  ctx.createTask(child());
  fut.addDoneCallback(() => console.log('callback ran'));
  console.log('main: before sleep(0)');
  await ctx.sleep(0);
  console.log('main: after sleep(0)');
};
