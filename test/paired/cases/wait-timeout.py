# wait(timeout=...) returns what is done so far when time is up, and cancels nothing.
import asyncio


async def work(ms):
    await asyncio.sleep(ms / 1000)
    return ms


async def main():
    slow = asyncio.create_task(work(60), name='slow')
    done, pending = await asyncio.wait([slow], timeout=0.01)
    print('done:', len(done), 'pending:', [t.get_name() for t in pending])
    print('slow cancelled:', slow.cancelled(), 'done:', slow.done())
    print('slow gives', await slow)


asyncio.run(main())
