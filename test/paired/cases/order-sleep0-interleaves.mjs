// sleep(0) yields one loop turn: tasks that each sleep(0) in a loop take turns.
export default async (ctx) => {
  const ticker = ctx.coroutine(async function ticker(name) {
    for (let i = 0; i < 3; i++) {
      console.log(name, i);
      await ctx.sleep(0);
    }
  });

  await ctx.gather(ticker('a'), ticker('b'), ticker('c'));
};
