# A task cancelled before it started is not done until the loop gets to it; then it ends
# cancelled without its body running (and with no "never awaited" warning).
import asyncio


async def work():
    print('work: the body ran')


async def main():
    t = asyncio.create_task(work())
    print('cancel:', t.cancel())
    print('done:', t.done(), 'cancelled:', t.cancelled())
    await asyncio.sleep(0)
    print('done:', t.done(), 'cancelled:', t.cancelled())


asyncio.run(main())
