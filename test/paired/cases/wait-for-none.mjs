// wait_for(aw, None) waits as long as it takes.
export default async (ctx) => {
  const work = ctx.coroutine(async function work() {
    await ctx.sleep(20);
    return 'finished';
  });

  console.log(await ctx.waitFor(work(), null));
};
