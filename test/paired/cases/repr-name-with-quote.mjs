// A task name with a quote in it is shown as Python's repr shows a string.
import { pyRepr } from 'loopscope';

export default async (ctx) => {
  const work = ctx.coroutine(async function work() {
    return null;
  });

  for (const name of ["it's", 'say "hi"', 'both \' and "']) {
    const t = ctx.createTask(work(), name);
    console.log(t.getName());
    console.log(pyRepr(t.getName()));
    console.log(`${t}`);
    await t;
  }
};
