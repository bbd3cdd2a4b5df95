# On time-out wait_for cancels the inner task; if the task swallows the cancellation and returns,
# wait_for returns that value instead of raising TimeoutError.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(0.06)
    except asyncio.CancelledError:
        print('stubborn: swallowed the cancellation')
    return 'stubborn result'


async def main():
    print('main got', await asyncio.wait_for(stubborn(), 0.01))


asyncio.run(main())
