import { defineScenario, errorText, type Localized } from '../src/index.js';

export default defineScenario({
  id: 'coroutines',
  title: { en: 'Coroutines are lazy, async functions are eager', es: 'Las coroutines son perezosas, las funciones async no' },
  summary: {
    en: 'A coroutine runs nothing until awaited; a JS async function runs as soon as it is called.',
    es: 'Una coroutine no corre hasta que le haces await; una función async de JS corre en cuanto la llamas.',
  },
  explain: {
    en: [
      'brew is a coroutine function: calling it only makes a coroutine object, state created.',
      'Time can pass and nothing runs: the body starts when the object is awaited, and a second await is an error.',
      'boil is a plain JS async function: the call itself runs the body up to its first await.',
      "That is why its first line prints before the caller's next line: JS promises are eager.",
      'A coroutine object nobody awaits never runs; Python warns "coroutine ... was never awaited".',
    ],
    es: [
      'brew es una función coroutine: llamarla solo crea un objeto coroutine, en estado creado.',
      'Puede pasar el tiempo y no corre nada: el cuerpo arranca cuando se le hace await, y un segundo await es un error.',
      'boil() es una función async normal de JS: la propia llamada ejecuta el cuerpo hasta su primer await.',
      'Por eso su primera línea sale antes que la siguiente de quien la llamó: en JS, llamar ya es arrancar.',
      'Un objeto coroutine al que nadie hace await nunca corre; Python avisa "coroutine ... was never awaited".',
    ],
  },
  python: `import asyncio

async def brew(cup: str) -> str:
    print(f"brew({cup}): body starts")
    await asyncio.sleep(0.05)
    return f"{cup} brewed"

async def boil(cup: str) -> str:
    print(f"boil({cup}): body starts")
    await asyncio.sleep(0.05)
    return f"{cup} boiled"

async def main():
    print("calling brew('cup-1')")
    coro = brew("cup-1")  # step: coroutine object
    print(f"got {coro}; its body has not run")
    await asyncio.sleep(0.05)  # step: still lazy
    print("50 ms later: still nothing from brew's body")
    print(f"await -> {await coro!r}")  # step: await coroutine
    try:
        await coro  # step: await twice
    except RuntimeError as error:
        print(f"RuntimeError: {error}")

    # Python 3.12+ can start tasks eagerly, which is what every JS async call does.
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    print("calling boil('cup-2')")
    boiling = asyncio.create_task(boil("cup-2"))  # step: eager call
    print(f"got {boiling}")
    print(f"await -> {await boiling!r}")  # step: await promise

    forgotten = brew("cup-3")  # step: never awaited
    print(f"got {forgotten} and never awaited it")

asyncio.run(main())  # RuntimeWarning: coroutine 'brew' was never awaited`,
  async run(ctx) {
    const say = SAY[ctx.lang];
    const brew = ctx.coroutine(async function brew(cup: string) {
      console.log(say.bodyStarts(`brew(${cup})`));
      await ctx.sleep(50);
      return say.brewed(cup);
    });

    async function boil(cup: string): Promise<string> {
      console.log(say.bodyStarts(`boil(${cup})`));
      await ctx.sleep(50);
      return say.boiled(cup);
    }

    console.log(say.calling("brew('cup-1')"));
    await ctx.step('coroutine object');
    const coro = brew('cup-1');
    console.log(say.notRun(`${coro}`));
    await ctx.step('still lazy');
    await ctx.sleep(50);
    console.log(say.stillNothing);
    await ctx.step('await coroutine');
    console.log(`await -> '${await coro}'`);
    await ctx.step('await twice');
    try {
      await coro;
    } catch (error) {
      console.log(errorText(error));
    }

    console.log(say.calling("boil('cup-2')"));
    await ctx.step('eager call');
    const boiling = boil('cup-2');
    console.log(say.got, boiling);
    await ctx.step('await promise');
    console.log(`await -> '${await boiling}'`);

    await ctx.step('never awaited');
    const forgotten = brew('cup-3');
    console.log(say.neverAwaited(`${forgotten}`));
  },
});

/** What the run prints, in each language (the English is what the transcript tests compare). */
const en = {
  bodyStarts: (call: string) => `${call}: body starts`,
  brewed: (cup: string) => `${cup} brewed`,
  boiled: (cup: string) => `${cup} boiled`,
  calling: (call: string) => `calling ${call}`,
  notRun: (coro: string) => `got ${coro}; its body has not run`,
  stillNothing: "50 ms later: still nothing from brew's body",
  got: 'got',
  neverAwaited: (coro: string) => `got ${coro} and never awaited it`,
};

const SAY: Localized<typeof en> = {
  en,
  es: {
    bodyStarts: (call) => `${call}: arranca el cuerpo`,
    brewed: (cup) => `${cup} infusionado`,
    boiled: (cup) => `${cup} hervido`,
    calling: (call) => `llamando a ${call}`,
    notRun: (coro) => `recibido ${coro}; su cuerpo no ha corrido`,
    stillNothing: '50 ms después: nada aún del cuerpo de brew',
    got: 'recibido',
    neverAwaited: (coro) => `recibido ${coro}, y nadie le hizo await`,
  },
};
