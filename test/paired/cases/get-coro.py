# get_coro() is the coroutine object the task wraps.
import asyncio


async def work():
    return 'w'


async def main():
    coro = work()
    print(coro)
    t = asyncio.create_task(coro)
    print(t.get_coro() is coro)
    print(t.get_coro())
    await t


asyncio.run(main())
