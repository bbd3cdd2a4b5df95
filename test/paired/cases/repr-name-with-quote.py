# A task name with a quote in it is shown as Python's repr shows a string.
import asyncio


async def work():
    return None


async def main():
    for name in ("it's", 'say "hi"', 'both \' and "'):
        t = asyncio.create_task(work(), name=name)
        print(t.get_name())
        print(repr(t.get_name()))
        print(t)
        await t


asyncio.run(main())
