# Awaiting a coroutine that never suspends runs it inline and does not yield: other tasks wait.
import asyncio


async def child():
    print('child: started')


async def leaf():
    return 'leaf'


async def middle():
    return 'middle+' + await leaf()


async def main():
    asyncio.create_task(child())
    print('main: got', await middle())
    print('main: got', await leaf())
    await asyncio.sleep(0)
    print('main: after sleep(0)')


asyncio.run(main())
