// Awaiting a coroutine that never suspends runs it inline and does not yield: other tasks wait.
export default async (ctx) => {
  const child = ctx.coroutine(async function child() {
    console.log('child: started');
  });
  const leaf = ctx.coroutine(async function leaf() {
    return 'leaf';
  });
  const middle = ctx.coroutine(async function middle() {
    return 'middle+' + (await leaf());
  });

  ctx.createTask(child());
  console.log('main: got', await middle());
  console.log('main: got', await leaf());
  await ctx.sleep(0);
  console.log('main: after sleep(0)');
};
