# `async with lock:` lets one task in at a time, the others in the order they came.
import asyncio


async def worker(name, lock):
    async with lock:
        print(name, 'in, locked:', lock.locked())
        await asyncio.sleep(0)
        print(name, 'out')


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(worker('a', lock), worker('b', lock), worker('c', lock))
    print('locked at the end:', lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print('release():', repr(e))


asyncio.run(main())
