# A cancel request made while the task runs waits for the task to yield: awaiting a done future
# does not yield, sleep(0) does.
import asyncio


async def worker(done_fut):
    asyncio.current_task().cancel()
    print('worker: still running after cancel()')
    print('worker: a done future gives', await done_fut)
    try:
        await asyncio.sleep(0)
        print('worker: sleep(0) returned')
    except asyncio.CancelledError:
        print('worker: cancelled at sleep(0)')
        raise


async def main():
    done_fut = asyncio.get_running_loop().create_future()
    done_fut.set_result('x')
    t = asyncio.create_task(worker(done_fut))
    try:
        await t
    except asyncio.CancelledError:
        print('main: the worker raised CancelledError')


asyncio.run(main())
