// The TaskGroup body's own exception cancels the child; it is awaited, then the group raises an
// ExceptionGroup that holds the body's exception. (One child: a TaskGroup cancels several in
// the order of a set, which is no fixed order.)
import { ExceptionGroup, pyRepr, pyStr } from 'loopscope';

class ValueError extends Error {
  name = 'ValueError';
}

export default async (ctx) => {
  const child = ctx.coroutine(async function child() {
    try {
      await ctx.sleep(50);
    } finally {
      console.log('child unwinds');
    }
  });

  try {
    await ctx.taskGroup(async (tg) => {
      tg.createTask(child());
      await ctx.sleep(0);
      throw new ValueError('body failed');
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    console.log('caught', pyStr(eg));
    for (const e of eg.exceptions) console.log(' ', pyRepr(e));
  }
};
