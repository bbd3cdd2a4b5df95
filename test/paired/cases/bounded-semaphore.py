# A BoundedSemaphore refuses a release() beyond its initial value.
import asyncio


async def main():
    sem = asyncio.BoundedSemaphore(1)
    await sem.acquire()
    sem.release()
    try:
        sem.release()
    except ValueError as e:
        print(repr(e))


asyncio.run(main())
