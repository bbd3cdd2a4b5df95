// A body that finishes before the time-out gives its result.
export default async (ctx) => {
  const body = ctx.coroutine(async function body() {
    await ctx.sleep(10);
    return 'in time';
  });

  console.log(await ctx.waitFor(body(), 500));
};
