# Cancelling a task cancels the future it is awaiting.
import asyncio


async def waiter(fut):
    await fut


async def main():
    fut = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    t.cancel()
    print('future cancelled right after cancel():', fut.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print('main: the waiter raised CancelledError')


asyncio.run(main())
