# Tasks are named Task-<n> in creation order unless named; set_name() renames.
import asyncio


async def work():
    return None


async def main():
    a = asyncio.create_task(work())
    b = asyncio.create_task(work(), name='b')
    c = asyncio.create_task(work())
    print(a.get_name(), b.get_name(), c.get_name())
    c.set_name('renamed')
    print(c.get_name())
    print(c)
    await asyncio.gather(a, b, c)


asyncio.run(main())
