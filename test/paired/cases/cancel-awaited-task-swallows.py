# Cancelling a task that awaits another task cancels the other one; if the other one swallows
# the cancellation and returns, the awaiting task gets that result and goes on, not cancelled.
import asyncio


async def inner():
    try:
        await asyncio.sleep(0.05)
    except asyncio.CancelledError:
        print('inner: swallowed the cancellation')
        return 'inner result'


async def outer(other):
    got = await other
    print('outer got', got, 'cancelling() =', asyncio.current_task().cancelling())
    await asyncio.sleep(0.01)
    print('outer: slept again')
    return 'outer result'


async def main():
    i = asyncio.create_task(inner())
    o = asyncio.create_task(outer(i))
    await asyncio.sleep(0)
    o.cancel()
    print('main got', await o)
    print('outer cancelled:', o.cancelled(), 'inner cancelled:', i.cancelled())


asyncio.run(main())
