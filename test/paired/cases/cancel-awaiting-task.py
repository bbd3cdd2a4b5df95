# A task parked on `await other_task` is interrupted by cancel().
import asyncio


async def sleeper():
    await asyncio.sleep(0.05)
    return 'sleeper done'


async def awaiter(other):
    try:
        print('awaiter got', await other)
    except asyncio.CancelledError:
        print('awaiter: cancelled')
        raise


async def main():
    b = asyncio.create_task(sleeper())
    a = asyncio.create_task(awaiter(b))
    await asyncio.sleep(0)
    a.cancel()
    try:
        await a
    except asyncio.CancelledError:
        print('main: the awaiter raised CancelledError')
    print('awaiter cancelled:', a.cancelled())


asyncio.run(main())
