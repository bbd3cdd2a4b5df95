// 50 sleep(0) are 50 loop turns, done long before a 50 ms timer fires.
export default async (ctx) => {
  const yielder = ctx.coroutine(async function yielder() {
    for (let i = 0; i < 50; i++) await ctx.sleep(0);
    console.log('yielder: 50 turns done');
  });
  const timer = ctx.coroutine(async function timer() {
    await ctx.sleep(50);
    console.log('timer: 50 ms passed');
  });

  await ctx.gather(timer(), yielder());
};
