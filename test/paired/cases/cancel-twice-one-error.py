# Two cancel() calls deliver one CancelledError; cancelling() counts both requests.
import asyncio


async def worker():
    try:
        await asyncio.sleep(0.05)
    except asyncio.CancelledError:
        print('worker: caught CancelledError, cancelling() =', asyncio.current_task().cancelling())
    await asyncio.sleep(0.01)
    print('worker: the second request did not raise again')
    return 'finished'


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    print('first cancel:', t.cancel())
    print('second cancel:', t.cancel())
    print('main got', await t)
    print('cancelled:', t.cancelled(), 'cancelling:', t.cancelling())


asyncio.run(main())
