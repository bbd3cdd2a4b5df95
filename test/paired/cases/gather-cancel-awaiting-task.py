# Cancelling the task that awaits a gather cancels the gather and its children: they unwind
# before the task sees CancelledError.
import asyncio


async def child(i):
    try:
        await asyncio.sleep(0.05)
    finally:
        print('child', i, 'finally')


async def parent():
    try:
        await asyncio.gather(child(1), child(2))
    except asyncio.CancelledError as e:
        print('parent sees', repr(e))
        raise


async def main():
    t = asyncio.create_task(parent())
    # One turn starts the parent, the next its children.
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel('enough')
    try:
        await t
    except asyncio.CancelledError as e:
        print('main sees', repr(e))


asyncio.run(main())
