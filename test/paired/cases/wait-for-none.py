# wait_for(aw, None) waits as long as it takes.
import asyncio


async def work():
    await asyncio.sleep(0.02)
    return 'finished'


async def main():
    print(await asyncio.wait_for(work(), None))


asyncio.run(main())
