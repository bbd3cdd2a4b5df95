# set_result or set_exception on a done future raises InvalidStateError('invalid state'); the
# first result stays.
import asyncio


async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(1)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        print('set_result:', repr(e))
    try:
        fut.set_exception(ValueError('late'))
    except asyncio.InvalidStateError as e:
        print('set_exception:', repr(e))
    print('result:', fut.result())


asyncio.run(main())
