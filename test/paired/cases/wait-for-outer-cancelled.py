# Cancelling a task that is in wait_for cancels the inner awaitable too, and waits for it.
import asyncio


async def inner():
    try:
        await asyncio.sleep(0.06)
    finally:
        print('inner: unwinds')


async def outer():
    try:
        await asyncio.wait_for(inner(), 0.05)
    except asyncio.CancelledError:
        print('outer: cancelled')
        raise


async def main():
    t = asyncio.create_task(outer())
    # One turn starts the outer task, the next the inner one wait_for made.
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('main: the outer task was cancelled')


asyncio.run(main())
