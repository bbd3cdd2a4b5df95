# Cancelling a task that awaits shield(inner) cancels the task, not the inner one, which runs on.
import asyncio


async def inner():
    await asyncio.sleep(0.02)
    print('inner: finished')
    return 'inner result'


async def outer(t):
    try:
        await asyncio.shield(t)
    except asyncio.CancelledError:
        print('outer: cancelled')
        raise


async def main():
    i = asyncio.create_task(inner())
    o = asyncio.create_task(outer(i))
    await asyncio.sleep(0)
    o.cancel()
    await asyncio.gather(o, return_exceptions=True)
    print('outer cancelled:', o.cancelled(), 'inner cancelled:', i.cancelled())
    print('main got', await i)


asyncio.run(main())
