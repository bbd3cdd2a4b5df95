# A timeout's deadline can be moved: reschedule() later lets the body finish; timeout(None) has
# no deadline until one is set.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(0.01) as cm:
        cm.reschedule(loop.time() + 0.5)
        await asyncio.sleep(0.03)
        print('body: finished after the first deadline')
    print('expired:', cm.expired())
    async with asyncio.timeout(None) as cm:
        print('when:', cm.when())
        await asyncio.sleep(0.01)
        print('body: no deadline')
    print('expired:', cm.expired())


asyncio.run(main())
