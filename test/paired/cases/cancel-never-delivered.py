# A task that asks for its own cancellation and returns without awaiting again ends cancelled:
# its return value is lost.
import asyncio


async def worker():
    asyncio.current_task().cancel()
    print('worker: cancel requested, returning anyway')
    return 'value'


async def main():
    t = asyncio.create_task(worker())
    try:
        print('main got', await t)
    except asyncio.CancelledError:
        print('main: the worker ended cancelled')
    print('cancelled:', t.cancelled())


asyncio.run(main())
