# as_completed gives the results in the order the work finishes.
import asyncio


async def work(name, ms):
    await asyncio.sleep(ms / 1000)
    return name


async def main():
    aws = [work('a', 50), work('b', 10), work('c', 30)]
    for next_done in asyncio.as_completed(aws):
        print(await next_done)


asyncio.run(main())
