# A task's repr in each state: pending, finished with a result or an exception, cancelled.
import asyncio


async def work(outcome):
    if outcome == 'raise':
        raise ValueError('bad')
    return outcome


async def idle():
    await asyncio.sleep(0.05)


async def main():
    ok = asyncio.create_task(work(3), name='ok')
    print(ok)
    await ok
    print(ok)
    bad = asyncio.create_task(work('raise'), name='bad')
    await asyncio.gather(bad, return_exceptions=True)
    print(bad)
    gone = asyncio.create_task(idle(), name='gone')
    await asyncio.sleep(0)
    gone.cancel()
    await asyncio.gather(gone, return_exceptions=True)
    print(gone)


asyncio.run(main())
