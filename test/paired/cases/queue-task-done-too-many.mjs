// task_done() with no unfinished item raises ValueError.
import { pyRepr } from 'loopscope';

export default async (ctx) => {
  const q = ctx.queue();
  q.putNowait('a');
  q.getNowait();
  q.taskDone();
  try {
    q.taskDone();
  } catch (e) {
    if (e.name !== 'ValueError') throw e;
    console.log(pyRepr(e));
  }
};
