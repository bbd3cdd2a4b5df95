// Tasks parked on futures wake in the order the futures were resolved, not the order they parked.
export default async (ctx) => {
  const waiter = ctx.coroutine(async function waiter(name, fut) {
    await fut;
    console.log(name, 'woke');
  });

  const futs = [0, 1, 2].map(() => ctx.createFuture());
  const tasks = futs.map((f, i) => ctx.createTask(waiter(`w${i}`, f)));
  await ctx.sleep(0);
  for (const i of [2, 0, 1]) futs[i].setResult(null);
  console.log('main: resolved w2, w0, w1');
  await ctx.gather(...tasks);
};
