# A task parked on `await fut` is interrupted by cancel().
import asyncio


async def waiter(fut):
    try:
        await fut
        print('waiter: got a result')
    except asyncio.CancelledError:
        print('waiter: cancelled')
        raise


async def main():
    fut = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    print('cancel:', t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print('main: the task raised CancelledError')
    print('task cancelled:', t.cancelled())


asyncio.run(main())
