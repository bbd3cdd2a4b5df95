# One child of a gather is cancelled: with return_exceptions its slot holds a new
# CancelledError('') (a task's cancel message is not kept there); without, the gather raises the
# child's CancelledError, though the task awaiting the gather was not cancelled.
import asyncio


async def ok(n):
    await asyncio.sleep(0.01)
    return n


async def main():
    victim = asyncio.create_task(ok(2))
    g = asyncio.gather(ok(1), victim, ok(3), return_exceptions=True)
    victim.cancel('victim')
    print(await g)
    victim = asyncio.create_task(ok(2))
    g = asyncio.gather(ok(1), victim, ok(3))
    victim.cancel('victim')
    try:
        await g
    except asyncio.CancelledError as e:
        print('gather raised', repr(e), 'main cancelling:', asyncio.current_task().cancelling())
    await asyncio.sleep(0.02)


asyncio.run(main())
