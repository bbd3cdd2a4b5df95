// put() on a full queue waits until a get() makes room.
export default async (ctx) => {
  const producer = ctx.coroutine(async function producer(q) {
    for (let i = 0; i < 3; i++) {
      await q.put(i);
      console.log('put', i);
    }
  });
  const consumer = ctx.coroutine(async function consumer(q) {
    for (let i = 0; i < 3; i++) console.log('got', await q.get());
  });

  const q = ctx.queue(1);
  await ctx.gather(producer(q), consumer(q));
};
