# A task created inside another starts only when its creator yields to the loop.
import asyncio


async def child():
    print('child: started')


async def main():
    t = asyncio.create_task(child())
    print('main: created the task')
    print('main: still running, task done:', t.done())
    await asyncio.sleep(0)
    print('main: after sleep(0), task done:', t.done())


asyncio.run(main())
