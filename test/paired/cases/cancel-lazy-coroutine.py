# A task parked in a sleep inside a coroutine it awaits is interrupted by cancel().
import asyncio


async def nap():
    await asyncio.sleep(0.05)
    print('nap: woke up')


async def worker():
    try:
        await nap()
        print('worker: after the nap')
    except asyncio.CancelledError:
        print('worker: cancelled during the nap')
        raise


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('main: the worker raised CancelledError')
    print('worker cancelled:', t.cancelled())


asyncio.run(main())
