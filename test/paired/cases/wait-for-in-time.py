# A body that finishes before the time-out gives its result.
import asyncio


async def body():
    await asyncio.sleep(0.01)
    return 'in time'


async def main():
    print(await asyncio.wait_for(body(), 0.5))


asyncio.run(main())
