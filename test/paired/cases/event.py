# Event: waiters park until set(); set() wakes them all in the order they waited; clear() resets.
import asyncio


async def waiter(name, ev):
    await ev.wait()
    print(name, 'woke')


async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, ev)) for n in ('a', 'b')]
    await asyncio.sleep(0)
    print('is_set:', ev.is_set())
    ev.set()
    print('is_set:', ev.is_set())
    await asyncio.gather(*tasks)
    print('wait() on a set event returns', await ev.wait())
    ev.clear()
    print('is_set after clear():', ev.is_set())


asyncio.run(main())
