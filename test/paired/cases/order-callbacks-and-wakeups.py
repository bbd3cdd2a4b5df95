# A future's done callbacks and the wake-ups of tasks awaiting it run in the order they were
# added, all from one queue.
import asyncio


async def waiter(fut):
    await fut
    print('task woke')


async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda f: print('callback 1'))
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: print('callback 2'))
    fut.set_result(None)
    print('main: result set')
    await t


asyncio.run(main())
