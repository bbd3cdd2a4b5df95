// A future's repr in each state.
import { pyStr } from 'loopscope';

class ValueError extends Error {
  name = 'ValueError';
}

export default async (ctx) => {
  const fut = ctx.createFuture();
  console.log(`${fut}`);
  fut.setResult('x');
  console.log(`${fut}`);
  for (const value of [null, 42, [1, 'a']]) {
    const f = ctx.createFuture();
    f.setResult(value);
    console.log(pyStr(f));
  }
  const failed = ctx.createFuture();
  failed.setException(new ValueError('bad'));
  console.log(String(failed));
  failed.exception();
  const cancelled = ctx.createFuture();
  cancelled.cancel('with a message');
  console.log(String(cancelled));
};
