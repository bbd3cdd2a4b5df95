# cancelling() counts cancel requests; uncancel() takes one back and returns what is left.
import asyncio


async def worker():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(0.05)
    except asyncio.CancelledError:
        print('worker: cancelling() =', me.cancelling())
        print('worker: uncancel() ->', me.uncancel())
        print('worker: cancelling() =', me.cancelling())
    await asyncio.sleep(0.01)
    return 'finished'


async def main():
    t = asyncio.create_task(worker())
    print('before: cancelling() =', t.cancelling())
    await asyncio.sleep(0)
    t.cancel()
    print('after cancel(): cancelling() =', t.cancelling())
    print('main got', await t)
    print('cancelled:', t.cancelled(), 'cancelling:', t.cancelling())


asyncio.run(main())
