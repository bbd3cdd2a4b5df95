# A TaskGroup ends when all its children have finished; their results are there afterwards.
import asyncio


async def work(name, ms):
    await asyncio.sleep(ms / 1000)
    print(name, 'finished')
    return name.upper()


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work('a', 20))
        b = tg.create_task(work('b', 10))
        print('body done')
    print('after the group:', a.result(), b.result())


asyncio.run(main())
