import { defineScenario, errorText } from '../src/index.js';

const HEADLESS_ANSWER_MS = 300;

export default defineScenario({
  id: 'futures',
  title: { en: 'Futures', es: 'Futures' },
  summary: {
    en: 'A future is an empty box: a timer fills it, you fill it (f, x, c), and only once.',
    es: 'Un future es una caja vacía: la llena un timer, la llenas tú (f, x, c), y una sola vez.',
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
      'Un future nace pending: sin resultado ni excepción. Hacerle await suspende hasta que alguien lo complete.',
      'Aquí un timer le pone el resultado 100 ms después; el await despierta con ese valor.',
      'El segundo future te espera a ti: selecciónalo y pulsa f para resolverlo, x para rechazarlo o c para cancelarlo.',
      'Un future se completa una sola vez: volver a ponerle resultado lanza InvalidStateError.',
      'Los done callbacks nunca corren dentro de set_result: quedan en cola para una vuelta posterior del loop.',
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
    await ctx.step('create');
    const order = ctx.createFuture<string>('order');
    console.log(`Empty future: ${order}`);

    await ctx.step('timer');
    const filler = setTimeout(() => order.setResult('order ready'), 100 / ctx.speed);
    const startedAt = ctx.now();
    await ctx.step('await');
    try {
      console.log(`await order -> '${await order}' after ${Math.round(ctx.now() - startedAt)} ms`);
    } finally {
      clearTimeout(filler); // someone else may have settled it first (a key, a stop)
    }
    console.log(`${order}`);

    await ctx.step('wait for you');
    const answer = ctx.createFuture<string>('your-answer');
    let selfAnswer: NodeJS.Timeout | undefined;
    if (ctx.interactive) {
      console.log(`your-answer: ${answer}, waiting for you`);
      console.log('select it: f resolves, x rejects, c cancels');
    } else {
      console.log(`(headless: resolving by itself in ${HEADLESS_ANSWER_MS} ms)`);
      selfAnswer = setTimeout(() => answer.setResult('resolved by itself'), HEADLESS_ANSWER_MS / ctx.speed);
    }
    try {
      console.log(`await your-answer -> '${await answer}'`);
    } catch (error) {
      console.log(`await your-answer raised ${errorText(error)}`);
    } finally {
      clearTimeout(selfAnswer);
    }
    console.log(`${answer}`);

    await ctx.step('set twice');
    try {
      order.setResult('order ready, again');
    } catch (error) {
      console.log(errorText(error));
    }

    await ctx.step('done callback');
    const bell = ctx.createFuture<string>('bell');
    const rang = new Promise<void>((resolve) =>
      bell.addDoneCallback((f) => {
        console.log(`done callback: '${f.result()}'`);
        resolve();
      }),
    );
    bell.setResult('ding');
    console.log('set_result returned; the callback has not run yet');
    await rang;
  },
});
