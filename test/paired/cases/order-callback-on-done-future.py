# A callback added to a future that is already done is queued at once, behind what is already
# queued, such as a task created just before.
import asyncio


async def child():
    print('child: started')


async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(None)
    asyncio.create_task(child())
    fut.add_done_callback(lambda f: print('callback ran'))
    print('main: before sleep(0)')
    await asyncio.sleep(0)
    print('main: after sleep(0)')


asyncio.run(main())
