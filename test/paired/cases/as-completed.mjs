// as_completed gives the results in the order the work finishes.
export default async (ctx) => {
  const work = ctx.coroutine(async function work(name, ms) {
    await ctx.sleep(ms);
    return name;
  });

  const aws = [work('a', 50), work('b', 10), work('c', 30)];
  for (const nextDone of ctx.asCompleted(aws)) console.log(await nextDone);
};
