# A Semaphore(2) lets two holders in; locked() is True while no more can enter; the third waits
# for the first to leave.
import asyncio


async def worker(name, sem, ms):
    async with sem:
        print(name, 'in, locked:', sem.locked())
        await asyncio.sleep(ms / 1000)
    print(name, 'out')


async def main():
    sem = asyncio.Semaphore(2)
    print('locked:', sem.locked())
    await asyncio.gather(worker('a', sem, 10), worker('b', sem, 40), worker('c', sem, 10))
    print('locked:', sem.locked())


asyncio.run(main())
