# sleep(0) yields one loop turn: tasks that each sleep(0) in a loop take turns.
import asyncio


async def ticker(name):
    for i in range(3):
        print(name, i)
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(ticker('a'), ticker('b'), ticker('c'))


asyncio.run(main())
