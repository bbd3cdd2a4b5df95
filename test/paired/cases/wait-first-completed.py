# wait(FIRST_COMPLETED) returns when one task is done; the others stay pending, not cancelled.
import asyncio


async def work(ms):
    await asyncio.sleep(ms / 1000)
    return ms


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    fast = asyncio.create_task(work(10), name='fast')
    slow = asyncio.create_task(work(500), name='slow')
    done, pending = await asyncio.wait({fast, slow}, return_when=asyncio.FIRST_COMPLETED)
    print('done:', names(done), 'pending:', names(pending))
    print('slow cancelled:', slow.cancelled())
    print('slow gives', await slow)


asyncio.run(main())
