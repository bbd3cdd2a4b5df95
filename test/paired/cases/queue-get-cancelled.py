# A consumer parked on get() is cancellable; an item put afterwards stays in the queue.
import asyncio


async def consumer(q):
    try:
        print('consumer got', await q.get())
    except asyncio.CancelledError:
        print('consumer: cancelled in get()')
        raise


async def main():
    q = asyncio.Queue()
    c = asyncio.create_task(consumer(q))
    await asyncio.sleep(0)
    c.cancel()
    await asyncio.gather(c, return_exceptions=True)
    q.put_nowait('item')
    await asyncio.sleep(0)
    print('qsize:', q.qsize(), 'next:', q.get_nowait())


asyncio.run(main())
