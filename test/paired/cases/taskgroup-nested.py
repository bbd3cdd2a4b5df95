# A nested TaskGroup's ExceptionGroup is one of the outer group's exceptions.
import asyncio


async def fails():
    raise ValueError('inner child failed')


async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fails())


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(inner_group())
    except ExceptionGroup as eg:
        print('outer:', eg)
        for e in eg.exceptions:
            print('  ', type(e).__name__, str(e))
            for inner in e.exceptions:
                print('    ', repr(inner))


asyncio.run(main())
