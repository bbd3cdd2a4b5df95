# Once a child has failed, the TaskGroup is shutting down: create_task raises RuntimeError.
import asyncio


async def fails():
    raise ValueError('child failed')


async def late():
    print('late: ran')


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails())
            try:
                await asyncio.sleep(0.05)
            except asyncio.CancelledError:
                print('body cancelled')
            coro = late()
            try:
                tg.create_task(coro)
            except RuntimeError as e:
                print(type(e).__name__, e)
                coro.close()
    except ExceptionGroup as eg:
        for e in eg.exceptions:
            print('group held', repr(e))


asyncio.run(main())
