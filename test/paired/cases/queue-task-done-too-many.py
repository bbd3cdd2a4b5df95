# task_done() with no unfinished item raises ValueError.
import asyncio


async def main():
    q = asyncio.Queue()
    q.put_nowait('a')
    q.get_nowait()
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print(repr(e))


asyncio.run(main())
