// wait_for with timeout 0 cancels the coroutine before it runs a line: TimeoutError at once.
import { pyRepr, TimeoutError } from 'loopscope';

export default async (ctx) => {
  const body = ctx.coroutine(async function body() {
    console.log('body: ran');
    return 'never';
  });

  try {
    await ctx.waitFor(body(), 0);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    console.log('main:', pyRepr(e));
  }
};
