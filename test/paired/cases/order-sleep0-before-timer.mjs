// 500 sleep(0) are 500 loop turns, done long before a 50 ms timer fires (as timers of 1 ms
// they would take over half a second, whatever the clock's speed).
export default async (ctx) => {
  const yielder = ctx.coroutine(async function yielder() {
    for (let i = 0; i < 500; i++) await ctx.sleep(0);
    console.log('yielder: 500 turns done');
  });
  const timer = ctx.coroutine(async function timer() {
    await ctx.sleep(50);
    console.log('timer: 50 ms passed');
  });

  await ctx.gather(timer(), yielder());
};
