# A task parked on a future shows it as wait_for, and the future shows the task's wake-up as its
# callback.
import asyncio


async def waiter(fut):
    return await fut


async def main():
    fut = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(waiter(fut), name='w')
    await asyncio.sleep(0)
    print(t)
    print(fut)
    fut.set_result('done')
    await t
    print(t)


asyncio.run(main())
