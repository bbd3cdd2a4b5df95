// A BoundedSemaphore refuses a release() beyond its initial value.
import { pyRepr } from 'loopscope';

export default async (ctx) => {
  const sem = ctx.boundedSemaphore(1);
  await sem.acquire();
  sem.release();
  try {
    sem.release();
  } catch (e) {
    if (e.name !== 'ValueError') throw e;
    console.log(pyRepr(e));
  }
};
