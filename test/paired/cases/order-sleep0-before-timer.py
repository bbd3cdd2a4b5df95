# 500 sleep(0) are 500 loop turns, done long before a 50 ms timer fires (as timers of 1 ms
# they would take over half a second, whatever the clock's speed).
import asyncio


async def yielder():
    for _ in range(500):
        await asyncio.sleep(0)
    print('yielder: 500 turns done')


async def timer():
    await asyncio.sleep(0.05)
    print('timer: 50 ms passed')


async def main():
    await asyncio.gather(timer(), yielder())


asyncio.run(main())
