# A task that catches CancelledError and returns a value ends with that result, not cancelled.
import asyncio


async def worker():
    try:
        await asyncio.sleep(0.05)
    except asyncio.CancelledError:
        print('worker: cancelled, returning a value')
        return 'recovered'


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel()
    print('main got', await t)
    print('cancelled:', t.cancelled(), 'result:', repr(t.result()))


asyncio.run(main())
