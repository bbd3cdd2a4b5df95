# On time-out wait_for cancels the inner task and waits for it to unwind, then raises a
# TimeoutError with an empty message.
import asyncio


async def slow():
    try:
        await asyncio.sleep(0.06)
        print('slow: finished')
    finally:
        print('slow: unwinds')


async def main():
    t = asyncio.create_task(slow())
    try:
        await asyncio.wait_for(t, 0.01)
    except TimeoutError as e:
        print('main:', repr(e), 'str:', repr(str(e)))
    print('inner cancelled:', t.cancelled())


asyncio.run(main())
