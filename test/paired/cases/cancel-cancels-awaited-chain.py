# Cancelling a task cancels the task it awaits, and so on down: the innermost unwinds first.
import asyncio


async def level(name, inner):
    try:
        if inner is None:
            await asyncio.sleep(0.05)
        else:
            await inner
    finally:
        print(name, 'unwinds')


async def main():
    c = asyncio.create_task(level('c', None), name='c')
    b = asyncio.create_task(level('b', c), name='b')
    a = asyncio.create_task(level('a', b), name='a')
    await asyncio.sleep(0)
    a.cancel()
    try:
        await a
    except asyncio.CancelledError:
        print('main: a raised CancelledError')
    for t in (a, b, c):
        print(t.get_name(), 'cancelled:', t.cancelled(), 'cancelling:', t.cancelling())


asyncio.run(main())
