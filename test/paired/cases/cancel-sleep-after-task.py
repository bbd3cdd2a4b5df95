# After `await other_task` has returned, the sleep the task parks on next is still interrupted by cancel().
import asyncio


async def helper():
    await asyncio.sleep(0)
    return 'h'


async def worker(other):
    print('worker got', await other)
    try:
        await asyncio.sleep(0.05)
        print('worker: slept')
    except asyncio.CancelledError:
        print('worker: cancelled in the sleep')
        raise


async def main():
    h = asyncio.create_task(helper())
    t = asyncio.create_task(worker(h))
    await h
    # The worker's wake-up was queued after ours: one more turn lets it reach the sleep.
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('main: the worker raised CancelledError')


asyncio.run(main())
