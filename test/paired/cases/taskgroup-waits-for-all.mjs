// A TaskGroup ends when all its children have finished; their results are there afterwards.
export default async (ctx) => {
  const work = ctx.coroutine(async function work(name, ms) {
    await ctx.sleep(ms);
    console.log(name, 'finished');
    return name.toUpperCase();
  });

  let a;
  let b;
  await ctx.taskGroup(async (tg) => {
    a = tg.createTask(work('a', 20));
    b = tg.createTask(work('b', 10));
    console.log('body done');
  });
  console.log('after the group:', a.result(), b.result());
};
