# gather() of nothing is an empty list, and already done.
import asyncio


async def main():
    g = asyncio.gather()
    print('done:', g.done())
    print(await g)
    print(await asyncio.gather(*[]))


asyncio.run(main())
