# Cancelling the task that runs a TaskGroup cancels the child; the task sees CancelledError, not
# an ExceptionGroup. (One child: a TaskGroup cancels several in the order of a set.)
import asyncio


async def child():
    try:
        await asyncio.sleep(0.05)
    finally:
        print('child unwinds')


async def runner():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child())
    except asyncio.CancelledError:
        print('runner: CancelledError came out of the group')
        raise


async def main():
    t = asyncio.create_task(runner())
    # One turn enters the group, the next starts its child.
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('main: the runner was cancelled')


asyncio.run(main())
