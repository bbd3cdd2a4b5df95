# A future's repr in each state.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut)
    fut.set_result('x')
    print(fut)
    for value in (None, 42, [1, 'a']):
        f = loop.create_future()
        f.set_result(value)
        print(f)
    failed = loop.create_future()
    failed.set_exception(ValueError('bad'))
    print(failed)
    failed.exception()
    cancelled = loop.create_future()
    cancelled.cancel('with a message')
    print(cancelled)


asyncio.run(main())
