# After `await fut` has returned, the sleep the task parks on next is still interrupted by cancel().
import asyncio


async def worker(fut):
    print('worker got', await fut)
    try:
        await asyncio.sleep(0.05)
        print('worker: slept')
    except asyncio.CancelledError:
        print('worker: cancelled in the sleep')
        raise


async def main():
    fut = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(worker(fut))
    await asyncio.sleep(0)
    fut.set_result('x')
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('main: the worker raised CancelledError')


asyncio.run(main())
