// result() and exception() of a pending future raise InvalidStateError.
import { InvalidStateError, pyRepr } from 'loopscope';

export default async (ctx) => {
  const fut = ctx.createFuture();
  try {
    fut.result();
  } catch (e) {
    if (!(e instanceof InvalidStateError)) throw e;
    console.log('result():', pyRepr(e));
  }
  try {
    fut.exception();
  } catch (e) {
    if (!(e instanceof InvalidStateError)) throw e;
    console.log('exception():', pyRepr(e));
  }
  fut.cancel();
};
