# current_task() is the task running the code: main's own, a child's, and None in a callback.
import asyncio


async def child(made):
    me = asyncio.current_task()
    print('child: current task is', me.get_name())
    print('child: it is the task main made:', me is made[0])


async def main():
    print('main: current task is', asyncio.current_task().get_name())
    made = []
    made.append(asyncio.create_task(child(made), name='kid'))
    await made[0]
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda f: print('callback: current task is', asyncio.current_task()))
    fut.set_result(None)
    await asyncio.sleep(0)


asyncio.run(main())
