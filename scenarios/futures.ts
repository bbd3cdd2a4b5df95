import { defineScenario, errorText, type Localized } from '../src/index.js';

const HEADLESS_ANSWER_MS = 300;

export default defineScenario({
  id: 'futures',
  title: { en: 'Futures', es: 'Futures' },
  summary: {
    en: 'A future is an empty box: a timer fills it, you fill it (f, x, c), and only once.',
    es: 'Un future es una caja vacía: la llena un temporizador, la llenas tú (f, x, c), y una sola vez.',
  },
  explain: {
    en: [
      'A future starts pending: no result, no exception. Awaiting it suspends until someone settles it.',
      'Here a timer sets the result 100 ms later; the await wakes up with that value.',
      'The second future waits for you: select it and press f to resolve, x to reject or c to cancel.',
      'A future settles once: setting a finished one raises InvalidStateError.',
      'Done callbacks never run inside set_result: they are queued for a later turn of the loop.',
    ],
    es: [
      'Un future nace pendiente: sin resultado ni excepción. Hacerle await suspende hasta que alguien lo complete.',
      'Aquí un temporizador le pone el resultado 100 ms después; el await despierta con ese valor.',
      'El segundo future te espera a ti: selecciónalo y pulsa f para resolverlo, x para rechazarlo o c para cancelarlo.',
      'Un future se completa una sola vez: volver a ponerle resultado lanza InvalidStateError.',
      'Los callbacks de add_done_callback nunca corren dentro de set_result: quedan en cola para una vuelta posterior del loop.',
    ],
  },
  python: `import asyncio

async def main():
    loop = asyncio.get_running_loop()
    order = loop.create_future()  # step: create
    print(f"Empty future: {order}")
    loop.call_later(0.1, order.set_result, "order ready")  # step: timer
    print(f"await order -> {await order!r}")  # step: await
    print(order)

    answer = loop.create_future()  # step: wait for you
    loop.call_later(0.3, answer.set_result, "resolved by itself")
    try:
        print(f"await your-answer -> {await answer!r}")
    except (Exception, asyncio.CancelledError) as error:
        print(f"await your-answer raised {error!r}")
    print(answer)

    try:
        order.set_result("order ready, again")  # step: set twice
    except asyncio.InvalidStateError as error:
        print(f"InvalidStateError: {error}")

    bell = loop.create_future()
    bell.add_done_callback(lambda f: print(f"done callback: {f.result()!r}"))  # step: done callback
    bell.set_result("ding")
    print("set_result returned; the callback has not run yet")
    await asyncio.sleep(0)  # one turn of the loop: now it runs

asyncio.run(main())`,
  async run(ctx) {
    const say = SAY[ctx.lang];
    await ctx.step('create');
    const order = ctx.createFuture<string>('order');
    console.log(say.empty(`${order}`));

    await ctx.step('timer');
    const filler = setTimeout(() => order.setResult(say.ready), 100 / ctx.speed);
    const startedAt = ctx.now();
    await ctx.step('await');
    try {
      console.log(say.awaited(await order, ctx.now() - startedAt));
    } finally {
      clearTimeout(filler); // someone else may have settled it first (a key, a stop)
    }
    console.log(`${order}`);

    await ctx.step('wait for you');
    const answer = ctx.createFuture<string>('your-answer');
    let selfAnswer: NodeJS.Timeout | undefined;
    if (ctx.interactive) {
      console.log(say.waitsForYou(`${answer}`));
      console.log(say.keys);
    } else {
      console.log(say.headless(HEADLESS_ANSWER_MS));
      selfAnswer = setTimeout(() => answer.setResult(say.byItself), HEADLESS_ANSWER_MS / ctx.speed);
    }
    try {
      console.log(say.answered(await answer));
    } catch (error) {
      console.log(say.raised(errorText(error)));
    } finally {
      clearTimeout(selfAnswer);
    }
    console.log(`${answer}`);

    await ctx.step('set twice');
    try {
      order.setResult(say.readyAgain);
    } catch (error) {
      console.log(errorText(error));
    }

    await ctx.step('done callback');
    const bell = ctx.createFuture<string>('bell');
    const rang = new Promise<void>((resolve) =>
      bell.addDoneCallback((f) => {
        console.log(say.callback(f.result()));
        resolve();
      }),
    );
    bell.setResult('ding');
    console.log(say.notYet);
    await rang;
  },
});

/** What the run prints, in each language (the English is what the transcript tests compare). */
const en = {
  empty: (future: string) => `Empty future: ${future}`,
  ready: 'order ready',
  awaited: (value: string, ms: number) => `await order -> '${value}' after ${Math.round(ms)} ms`,
  waitsForYou: (future: string) => `your-answer: ${future}, waiting for you`,
  keys: 'select it: f resolves, x rejects, c cancels',
  headless: (ms: number) => `(headless: resolving by itself in ${ms} ms)`,
  byItself: 'resolved by itself',
  answered: (value: string) => `await your-answer -> '${value}'`,
  raised: (error: string) => `await your-answer raised ${error}`,
  readyAgain: 'order ready, again',
  callback: (value: string) => `done callback: '${value}'`,
  notYet: 'set_result returned; the callback has not run yet',
};

const SAY: Localized<typeof en> = {
  en,
  es: {
    empty: (future) => `future vacío: ${future}`,
    ready: 'pedido listo',
    awaited: (value, ms) => `await order -> '${value}' tras ${Math.round(ms)} ms`,
    waitsForYou: (future) => `your-answer: ${future}, te espera a ti`,
    keys: 'selecciónalo: f lo resuelve, x lo rechaza, c lo cancela',
    headless: (ms) => `(sin panel: se resuelve solo en ${ms} ms)`,
    byItself: 'resuelto solo',
    answered: (value) => `await your-answer -> '${value}'`,
    raised: (error) => `await your-answer lanzó ${error}`,
    readyAgain: 'pedido listo, otra vez',
    callback: (value) => `callback al terminar: '${value}'`,
    notYet: 'set_result volvió; el callback todavía no ha corrido',
  },
};
