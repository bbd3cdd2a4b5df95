# gather(return_exceptions=True) puts each child's exception in its slot, in argument order.
import asyncio


async def ok(n):
    await asyncio.sleep(0.01)
    return n


async def bad():
    raise ValueError('bad')


async def main():
    results = await asyncio.gather(ok(1), bad(), ok(3), return_exceptions=True)
    print(results)


asyncio.run(main())
