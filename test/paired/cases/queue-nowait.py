# put_nowait on a full queue raises QueueFull, get_nowait on an empty one QueueEmpty; empty(),
# full() and qsize() follow along.
import asyncio


def show(q):
    print('qsize:', q.qsize(), 'empty:', q.empty(), 'full:', q.full())


async def main():
    q = asyncio.Queue(maxsize=2)
    show(q)
    q.put_nowait('a')
    q.put_nowait('b')
    show(q)
    try:
        q.put_nowait('c')
    except asyncio.QueueFull as e:
        print('put_nowait:', repr(e))
    print('got', q.get_nowait(), q.get_nowait())
    show(q)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print('get_nowait:', repr(e))
    print('maxsize:', q.maxsize)


asyncio.run(main())
