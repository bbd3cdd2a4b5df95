import { defineScenario, errorText, type Localized } from '../src/index.js';

export default defineScenario({
  id: 'tasks',
  title: { en: 'Tasks', es: 'Tasks' },
  summary: {
    en: 'createTask schedules a coroutine; a task is a future: await it, watch it, cancel it; it keeps its error.',
    es: 'createTask programa una coroutine; una task es un future: se espera, se vigila, se cancela y guarda su error.',
  },
  explain: {
    en: [
      'createTask hands a coroutine to the loop; it starts only when the creator yields, so it prints pending.',
      'A task is a future: await it for its result, or add a done callback that runs once it finishes.',
      'cancel() interrupts the await the task is parked on: its finally still runs, and it ends cancelled.',
      'An exception inside a task does not crash anyone: the task keeps it, and it is raised where the task is awaited.',
    ],
    es: [
      'createTask entrega la coroutine al loop; solo arranca cuando quien la creó cede el control, por eso sale pendiente.',
      'Una task es un future: hazle await para obtener su resultado, o pásale a add_done_callback un callback que corre al terminar.',
      'cancel() interrumpe el await en el que está parada la task: su finally se ejecuta igual y termina cancelada.',
      'Una excepción dentro de una task no tumba a nadie: la task la guarda y salta donde se le hace await.',
    ],
  },
  python: `import asyncio

async def cook(order: str, seconds: float) -> str:
    print(f"{order}: cooking for {seconds * 1000:.0f} ms")
    try:
        await asyncio.sleep(seconds)
        return f"{order} ready"
    finally:
        print(f"{order}: finally, the grill is off")

async def burn(order: str) -> str:
    await asyncio.sleep(0.05)
    raise RuntimeError(f"{order}: the fries caught fire")

async def main():
    order1 = asyncio.create_task(cook("order-1", 0.1), name="order-1")  # step: create task
    print(order1)
    await asyncio.sleep(0)  # step: yield
    print(order1)

    print(f"await order-1 -> {await order1!r}")  # step: task is a future
    order1.add_done_callback(lambda t: print(f"done callback: {t.get_name()} -> {t.result()!r}"))
    print("add_done_callback on a finished task: the callback comes on a later turn")
    await asyncio.sleep(0)

    order2 = asyncio.create_task(cook("order-2", 1.0), name="order-2")  # step: cancel
    await asyncio.sleep(0.1)
    order2.cancel("the customer left")
    try:
        await order2
    except asyncio.CancelledError as error:
        print(f"await order-2 raised CancelledError: {error}")
    print(order2)

    order3 = asyncio.create_task(burn("order-3"), name="order-3")  # step: exception
    await asyncio.sleep(0.1)
    print(order3)
    try:
        await order3
    except RuntimeError as error:
        print(f"await order-3 raised RuntimeError: {error}")

asyncio.run(main())`,
  async run(ctx) {
    const say = SAY[ctx.lang];
    const cook = ctx.coroutine(async function cook(order: string, ms: number) {
      console.log(say.cooking(order, ms));
      try {
        await ctx.sleep(ms);
        return say.ready(order);
      } finally {
        console.log(say.grillOff(order));
      }
    });

    const burn = ctx.coroutine(async function burn(order: string): Promise<string> {
      await ctx.sleep(50);
      throw new Error(say.fire(order));
    });

    await ctx.step('create task');
    const order1 = ctx.createTask(cook('order-1', 100), 'order-1');
    console.log(`${order1}`);
    await ctx.step('yield');
    await ctx.sleep(0);
    console.log(`${order1}`);

    await ctx.step('task is a future');
    console.log(`await order-1 -> '${await order1}'`);
    const noticed = new Promise<void>((resolve) =>
      order1.addDoneCallback((task) => {
        console.log(say.callback(task.name, task.result()));
        resolve();
      }),
    );
    console.log(say.laterTurn);
    await noticed;

    await ctx.step('cancel');
    const order2 = ctx.createTask(cook('order-2', 1000), 'order-2');
    const cookingSince = ctx.now();
    await ctx.sleep(100);
    order2.cancel(say.customerLeft);
    try {
      await order2;
    } catch (error) {
      console.log(say.raised('order-2', errorText(error)));
    }
    console.log(say.endedInto(`${order2}`, ctx.now() - cookingSince));

    await ctx.step('exception');
    const order3 = ctx.createTask(burn('order-3'), 'order-3');
    await ctx.sleep(100);
    console.log(`${order3}`);
    try {
      await order3;
    } catch (error) {
      console.log(say.raised('order-3', errorText(error)));
    }
  },
});

/** What the run prints, in each language (the English is what the transcript tests compare). */
const en = {
  cooking: (order: string, ms: number) => `${order}: cooking for ${ms} ms`,
  ready: (order: string) => `${order} ready`,
  grillOff: (order: string) => `${order}: finally, the grill is off`,
  fire: (order: string) => `${order}: the fries caught fire`,
  callback: (task: string, value: string) => `done callback: ${task} -> '${value}'`,
  laterTurn: 'add_done_callback on a finished task: the callback comes on a later turn',
  customerLeft: 'the customer left',
  raised: (task: string, error: string) => `await ${task} raised ${error}`,
  endedInto: (task: string, ms: number) => `${task}: ended ${Math.round(ms)} ms into a 1000 ms sleep`,
};

const SAY: Localized<typeof en> = {
  en,
  es: {
    cooking: (order, ms) => `${order}: cocinando ${ms} ms`,
    ready: (order) => `${order} listo`,
    grillOff: (order) => `${order}: en el finally se apaga la plancha`,
    fire: (order) => `${order}: se quemaron las papas`,
    callback: (task, value) => `callback al terminar: ${task} -> '${value}'`,
    laterTurn: 'add_done_callback sobre una task terminada: el callback llega en una vuelta posterior',
    customerLeft: 'el cliente se fue',
    raised: (task, error) => `await ${task} lanzó ${error}`,
    endedInto: (task, ms) => `${task}: terminó a los ${Math.round(ms)} ms de una espera de 1000 ms`,
  },
};
