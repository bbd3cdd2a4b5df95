# join() returns once every item put has been marked task_done(); the consumer parked on get()
# is then cancelled.
import asyncio


async def consumer(q):
    try:
        while True:
            item = await q.get()
            print('consumed', item)
            q.task_done()
    except asyncio.CancelledError:
        print('consumer: cancelled while waiting')
        raise


async def main():
    q = asyncio.Queue()
    c = asyncio.create_task(consumer(q))
    for i in range(3):
        await q.put(i)
        print('put', i)
    await q.join()
    print('joined, empty:', q.empty())
    c.cancel()
    await asyncio.gather(c, return_exceptions=True)


asyncio.run(main())
