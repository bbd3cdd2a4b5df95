# put() on a full queue waits until a get() makes room.
import asyncio


async def producer(q):
    for i in range(3):
        await q.put(i)
        print('put', i)


async def consumer(q):
    for _ in range(3):
        print('got', await q.get())


async def main():
    q = asyncio.Queue(maxsize=1)
    await asyncio.gather(producer(q), consumer(q))


asyncio.run(main())
