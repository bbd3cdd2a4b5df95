import { defineScenario } from '../src/index.js';

export default defineScenario({
  id: 'seed',
  title: { en: "The notes' program", es: 'El programa de los apuntes' },
  summary: {
    en: 'The notes’ Python program, line for line: a blocking call, a future, a coroutine, a task.',
    es: 'El programa Python de los apuntes, línea a línea: una llamada bloqueante, un future, una coroutine, una task.',
  },
  explain: {
    en: [
      'sync_function blocks the whole thread for 100 ms, as time.sleep does: nothing else can run.',
      'A future starts empty (pending) and finishes when someone calls setResult; awaiting it yields its result.',
      'Calling a coroutine function makes a coroutine object that does nothing until awaited.',
      'createTask hands the coroutine to the loop: printed at once, the task is still pending.',
    ],
    es: [
      'sync_function bloquea todo el hilo 100 ms, como time.sleep: nada más puede correr.',
      'Un future nace vacío (pendiente) y termina cuando alguien llama a setResult; al hacerle await da su resultado.',
      'Llamar a una función coroutine crea un objeto coroutine que no hace nada hasta que se le hace await.',
      'createTask entrega la coroutine al loop: si la imprimes enseguida, la task sigue pendiente.',
    ],
  },
  python: `import asyncio, time

def sync_function(test_params: str) -> str:
    print("This is a synchronous function")
    time.sleep(0.1)  # step: block
    return f"Sync Results: {test_params}"

async def async_function(test_param: str) -> str:
    print("This is an asynchronous coroutine function.")
    await asyncio.sleep(0.1)
    return f"Async Result: {test_param}"

async def futures():
    loop = asyncio.get_running_loop()
    future = loop.create_future()  # step: create future
    print(f"Empty Future: {future}")
    future.set_result("Future Result: Test")  # step: set result
    future_result = await future
    print(future_result)

async def coroutines():
    coroutine_obj = async_function("Test")  # step: coroutine object
    print(coroutine_obj)
    coroutine_result = await coroutine_obj  # step: await coroutine
    print(coroutine_result)

async def main():
    print(sync_function("Test"))
    await futures()
    await coroutines()
    task = asyncio.create_task(async_function("Test"))  # step: create task
    print(task)
    task_result = await task  # step: await task
    print(task_result)

if __name__ == '__main__':
    t = time.perf_counter()
    asyncio.run(main())
    print(f"elapsed {time.perf_counter()-t:.3f}s")  # step: done`,
  async run(ctx) {
    const started = ctx.now();
    // Names follow the notes' Python so the transcript reads the same line for line.
    function sync_function(test_params: string): string {
      console.log('This is a synchronous function');
      ctx.blockFor(100);
      return `Sync Results: ${test_params}`;
    }

    const async_function = ctx.coroutine(async function async_function(test_param: string) {
      console.log('This is an asynchronous coroutine function.');
      await ctx.sleep(100);
      return `Async Result: ${test_param}`;
    });

    async function futures(): Promise<void> {
      await ctx.step('create future');
      const future = ctx.createFuture<string>();
      console.log(`Empty Future: ${future}`);
      await ctx.step('set result');
      future.setResult('Future Result: Test');
      const future_result = await future;
      console.log(future_result);
    }

    async function coroutines(): Promise<void> {
      await ctx.step('coroutine object');
      const coroutine_obj = async_function('Test');
      console.log(coroutine_obj);
      await ctx.step('await coroutine');
      const coroutine_result = await coroutine_obj;
      console.log(coroutine_result);
    }

    await ctx.step('block');
    console.log(sync_function('Test'));
    await futures();
    await coroutines();
    await ctx.step('create task');
    const task = ctx.createTask(async_function('Test'));
    console.log(task);
    await ctx.step('await task');
    const task_result = await task;
    console.log(task_result);
    await ctx.step('done');
    console.log(`elapsed ${((ctx.now() - started) / 1000).toFixed(3)}s`);
  },
});
