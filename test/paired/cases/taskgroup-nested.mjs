// A nested TaskGroup's ExceptionGroup is one of the outer group's exceptions.
import { ExceptionGroup, pyRepr, pyStr } from 'loopscope';

class ValueError extends Error {
  name = 'ValueError';
}

export default async (ctx) => {
  const fails = ctx.coroutine(async function fails() {
    throw new ValueError('inner child failed');
  });

  const innerGroup = ctx.coroutine(async function inner_group() {
    await ctx.taskGroup(async (tg) => {
      tg.createTask(fails());
    });
  });

  try {
    await ctx.taskGroup(async (tg) => {
      tg.createTask(innerGroup());
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log('outer:', pyStr(eg));
    for (const e of eg.exceptions) {
      console.log('  ', e.name, pyStr(e));
      for (const inner of e.exceptions) console.log('    ', pyRepr(inner));
    }
  }
};
