# Two children that fail in the same turn are both in the ExceptionGroup, in the order they failed.
import asyncio


async def fails(msg):
    raise ValueError(msg)


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails('first'))
            tg.create_task(fails('second'))
    except ExceptionGroup as eg:
        print(eg)
        for e in eg.exceptions:
            print(' ', repr(e))


asyncio.run(main())
