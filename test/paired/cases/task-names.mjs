// Tasks are named Task-<n> in creation order unless named; set_name() renames.
export default async (ctx) => {
  const work = ctx.coroutine(async function work() {
    return null;
  });

  const a = ctx.createTask(work());
  const b = ctx.createTask(work(), 'b');
  const c = ctx.createTask(work());
  console.log(a.getName(), b.getName(), c.getName());
  c.setName('renamed');
  console.log(c.getName());
  console.log(`${c}`);
  await ctx.gather(a, b, c);
};
