# 50 sleep(0) are 50 loop turns, done long before a 50 ms timer fires.
import asyncio


async def yielder():
    for _ in range(50):
        await asyncio.sleep(0)
    print('yielder: 50 turns done')


async def timer():
    await asyncio.sleep(0.05)
    print('timer: 50 ms passed')


async def main():
    await asyncio.gather(timer(), yielder())


asyncio.run(main())
