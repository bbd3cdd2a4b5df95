# Awaiting a future that is already done does not yield: a task created before does not start,
# however many times it is done.
import asyncio


async def child():
    print('child: started')


async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result('ready')
    asyncio.create_task(child())
    for i in range(3):
        print('main: await of a done future gives', await fut)
    await asyncio.sleep(0)
    print('main: after sleep(0)')


asyncio.run(main())
