# Without a message, CancelledError's message is empty, for a task and for a future.
import asyncio


async def worker():
    await asyncio.sleep(0.05)


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError as e:
        print('task:', repr(e), 'str:', repr(str(e)))
    fut = asyncio.get_running_loop().create_future()
    fut.cancel()
    try:
        await fut
    except asyncio.CancelledError as e:
        print('future:', repr(e), 'str:', repr(str(e)))


asyncio.run(main())
