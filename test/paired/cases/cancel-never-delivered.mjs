// A task that asks for its own cancellation and returns without awaiting again ends cancelled:
// its return value is lost.
import { CancelledError, pyStr } from 'loopscope';

export default async (ctx) => {
  const worker = ctx.coroutine(async function worker() {
    ctx.currentTask().cancel();
    console.log('worker: cancel requested, returning anyway');
    return 'value';
  });

  const t = ctx.createTask(worker());
  try {
    console.log('main got', await t);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    console.log('main: the worker ended cancelled');
  }
  console.log('cancelled:', pyStr(t.cancelled()));
};
