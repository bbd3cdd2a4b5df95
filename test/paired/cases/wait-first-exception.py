# wait(FIRST_EXCEPTION) returns when a task fails; wait itself does not raise.
import asyncio


async def work(ms, fail=False):
    await asyncio.sleep(ms / 1000)
    if fail:
        raise ValueError(f'failed after {ms} ms')
    return ms


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    ok = asyncio.create_task(work(10), name='ok')
    bad = asyncio.create_task(work(20, fail=True), name='bad')
    slow = asyncio.create_task(work(500), name='slow')
    done, pending = await asyncio.wait([ok, bad, slow], return_when=asyncio.FIRST_EXCEPTION)
    print('done:', names(done), 'pending:', names(pending))
    print('bad:', repr(bad.exception()))
    slow.cancel()
    await asyncio.gather(slow, return_exceptions=True)


asyncio.run(main())
