# A task that ended by raising CancelledError('msg') hands that very error to the first one who
# asks; later result() calls raise a fresh CancelledError() without the message. A cancelled
# Future keeps its message for everyone.
import asyncio


async def worker():
    await asyncio.sleep(0.05)


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel('stop now')
    for asker in ('await', 'result() 1', 'result() 2'):
        try:
            await t if asker == 'await' else t.result()
        except asyncio.CancelledError as e:
            print('task,', asker, '->', repr(e))
    fut = asyncio.get_running_loop().create_future()
    fut.cancel('why')
    for asker in ('await', 'result() 1', 'result() 2'):
        try:
            await fut if asker == 'await' else fut.result()
        except asyncio.CancelledError as e:
            print('future,', asker, '->', repr(e))


asyncio.run(main())
