// put_nowait on a full queue raises QueueFull, get_nowait on an empty one QueueEmpty; empty(),
// full() and qsize() follow along.
import { pyRepr, pyStr, QueueEmpty, QueueFull } from 'loopscope';

function show(q) {
  console.log('qsize:', q.qsize(), 'empty:', pyStr(q.empty()), 'full:', pyStr(q.full()));
}

export default async (ctx) => {
  const q = ctx.queue(2);
  show(q);
  q.putNowait('a');
  q.putNowait('b');
  show(q);
  try {
    q.putNowait('c');
  } catch (e) {
    if (!(e instanceof QueueFull)) throw e;
    console.log('put_nowait:', pyRepr(e));
  }
  console.log('got', q.getNowait(), q.getNowait());
  show(q);
  try {
    q.getNowait();
  } catch (e) {
    if (!(e instanceof QueueEmpty)) throw e;
    console.log('get_nowait:', pyRepr(e));
  }
  console.log('maxsize:', q.maxsize);
};
