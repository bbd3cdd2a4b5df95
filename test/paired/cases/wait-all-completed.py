# wait() by default returns once every task is done, failed ones included.
import asyncio


async def work(ms, fail=False):
    await asyncio.sleep(ms / 1000)
    if fail:
        raise ValueError('failed')
    return ms


async def main():
    tasks = [asyncio.create_task(work(20), name='a'), asyncio.create_task(work(10, fail=True), name='b')]
    done, pending = await asyncio.wait(tasks)
    print('done:', len(done), 'pending:', len(pending))
    for t in tasks:
        print(t.get_name(), repr(t.exception()) if t.exception() else t.result())


asyncio.run(main())
