# The TaskGroup body's own exception cancels the child; it is awaited, then the group raises an
# ExceptionGroup that holds the body's exception. (One child: a TaskGroup cancels several in
# the order of a set, which is no fixed order.)
import asyncio


async def child():
    try:
        await asyncio.sleep(0.05)
    finally:
        print('child unwinds')


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
            await asyncio.sleep(0)
            raise ValueError('body failed')
    except ExceptionGroup as eg:
        print('caught', eg)
        for e in eg.exceptions:
            print(' ', repr(e))


asyncio.run(main())
