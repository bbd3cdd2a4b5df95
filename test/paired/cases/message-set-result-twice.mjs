// set_result or set_exception on a done future raises InvalidStateError('invalid state'); the
// first result stays.
import { InvalidStateError, pyRepr } from 'loopscope';

class ValueError extends Error {
  name = 'ValueError';
}

export default async (ctx) => {
  const fut = ctx.createFuture();
  fut.setResult(1);
  try {
    fut.setResult(2);
  } catch (e) {
    if (!(e instanceof InvalidStateError)) throw e;
    console.log('set_result:', pyRepr(e));
  }
  try {
    fut.setException(new ValueError('late'));
  } catch (e) {
    if (!(e instanceof InvalidStateError)) throw e;
    console.log('set_exception:', pyRepr(e));
  }
  console.log('result:', fut.result());
};
