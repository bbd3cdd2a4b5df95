# asyncio.timeout: when time is up the body is cancelled at its await, and TimeoutError (with an
# empty message) comes out of the block; expired() says so.
import asyncio


async def main():
    try:
        async with asyncio.timeout(0.01) as cm:
            try:
                await asyncio.sleep(0.06)
                print('body: slept')
            except asyncio.CancelledError:
                print('body: cancelled')
                raise
    except TimeoutError as e:
        print('main:', repr(e))
    print('expired:', cm.expired())
    print('main cancelling:', asyncio.current_task().cancelling())


asyncio.run(main())
