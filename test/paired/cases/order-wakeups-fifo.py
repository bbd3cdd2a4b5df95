# Tasks parked on futures wake in the order the futures were resolved, not the order they parked.
import asyncio


async def waiter(name, fut):
    await fut
    print(name, 'woke')


async def main():
    loop = asyncio.get_running_loop()
    futs = [loop.create_future() for _ in range(3)]
    tasks = [asyncio.create_task(waiter(f'w{i}', f)) for i, f in enumerate(futs)]
    await asyncio.sleep(0)
    for i in (2, 0, 1):
        futs[i].set_result(None)
    print('main: resolved w2, w0, w1')
    await asyncio.gather(*tasks)


asyncio.run(main())
