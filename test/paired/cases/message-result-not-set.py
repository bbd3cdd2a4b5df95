# result() and exception() of a pending future raise InvalidStateError.
import asyncio


async def main():
    fut = asyncio.get_running_loop().create_future()
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print('result():', repr(e))
    try:
        fut.exception()
    except asyncio.InvalidStateError as e:
        print('exception():', repr(e))
    fut.cancel()


asyncio.run(main())
