# A failing child cancels the TaskGroup's body and its siblings; once all have unwound, the group
# raises an ExceptionGroup of the failure.
import asyncio


async def fails():
    await asyncio.sleep(0.01)
    raise ValueError('child failed')


async def sibling():
    try:
        await asyncio.sleep(0.05)
    finally:
        print('sibling unwinds')


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails())
            tg.create_task(sibling())
            try:
                await asyncio.sleep(0.05)
            except asyncio.CancelledError:
                print('body cancelled')
                raise
    except ExceptionGroup as eg:
        print('caught', eg)
        for e in eg.exceptions:
            print(' ', repr(e))
    print('main cancelling:', asyncio.current_task().cancelling())


asyncio.run(main())
