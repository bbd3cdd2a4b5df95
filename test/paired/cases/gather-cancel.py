# Cancelling a gather cancels its children with the message; the gather ends only once they have
# unwound (their finally blocks print first), and it ends with a CancelledError exception set,
# so cancelled() is False.
import asyncio


async def child(i):
    try:
        await asyncio.sleep(0.05)
    finally:
        print('child', i, 'finally')


async def main():
    g = asyncio.gather(child(1), child(2), child(3))
    await asyncio.sleep(0)
    print('cancel:', g.cancel('stop'))
    print('done right after cancel():', g.done())
    try:
        await g
    except asyncio.CancelledError as e:
        print('main sees', repr(e))
    print('gather cancelled():', g.cancelled())


asyncio.run(main())
