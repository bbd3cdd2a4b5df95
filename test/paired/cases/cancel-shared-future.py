# Two tasks await the same future: cancelling one cancels the future, so the other one gets
# CancelledError too, though nobody cancelled it.
import asyncio


async def waiter(name, fut):
    try:
        await fut
    except asyncio.CancelledError:
        print(name, 'got CancelledError')
        raise


async def main():
    fut = asyncio.get_running_loop().create_future()
    a = asyncio.create_task(waiter('a', fut))
    b = asyncio.create_task(waiter('b', fut))
    await asyncio.sleep(0)
    a.cancel()
    await asyncio.gather(a, b, return_exceptions=True)
    print('a cancelled:', a.cancelled(), 'b cancelled:', b.cancelled(), 'b cancelling:', b.cancelling())


asyncio.run(main())
