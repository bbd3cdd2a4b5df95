# A failing child makes gather raise at once; the other children are not cancelled and run on.
import asyncio


async def fails():
    raise ValueError('boom')


async def slow():
    await asyncio.sleep(0.02)
    print('slow: finished')
    return 'slow result'


async def main():
    s = asyncio.create_task(slow())
    try:
        await asyncio.gather(fails(), s)
    except ValueError as e:
        print('gather raised', repr(e))
    print('slow done:', s.done())
    print('main got', await s)
    print('slow cancelled:', s.cancelled())


asyncio.run(main())
