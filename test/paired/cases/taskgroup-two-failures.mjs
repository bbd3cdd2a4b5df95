// Two children that fail in the same turn are both in the ExceptionGroup, in the order they failed.
import { ExceptionGroup, pyRepr, pyStr } from 'loopscope';

class ValueError extends Error {
  name = 'ValueError';
}

export default async (ctx) => {
  const fails = ctx.coroutine(async function fails(msg) {
    throw new ValueError(msg);
  });

  try {
    await ctx.taskGroup(async (tg) => {
      tg.createTask(fails('first'));
      tg.createTask(fails('second'));
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log(pyStr(eg));
    for (const e of eg.exceptions) console.log(' ', pyRepr(e));
  }
};
