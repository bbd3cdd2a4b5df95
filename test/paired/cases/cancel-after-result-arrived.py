# The future a task awaits has its result, but the task has not resumed yet: a cancel() now
# still raises CancelledError at that await, and the result is never seen.
import asyncio


async def worker(fut):
    try:
        print('worker got', await fut)
    except asyncio.CancelledError:
        print('worker: cancelled at the await that had a result')
        raise


async def main():
    fut = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(worker(fut))
    await asyncio.sleep(0)
    fut.set_result('x')
    print('cancel:', t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print('main: the worker raised CancelledError')
    print('future result:', fut.result())


asyncio.run(main())
