# wait_for with timeout 0 cancels the coroutine before it runs a line: TimeoutError at once.
import asyncio


async def body():
    print('body: ran')
    return 'never'


async def main():
    try:
        await asyncio.wait_for(body(), 0)
    except TimeoutError as e:
        print('main:', repr(e))


asyncio.run(main())
