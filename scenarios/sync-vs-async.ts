import { defineScenario, type Localized } from '../src/index.js';

export default defineScenario({
  id: 'sync-vs-async',
  title: { en: "Subway vs McDonald's", es: "Subway vs McDonald's" },
  summary: {
    en: 'Three orders, one cook: blocking serves them one by one (~300 ms), awaiting overlaps them (~100 ms).',
    es: 'Tres pedidos, un cocinero: si bloquea, de uno en uno (~300 ms); si hace await, se solapan (~100 ms).',
  },
  explain: {
    en: [
      'Subway: each order is made from start to finish before the next one is taken.',
      'The Subway cook calls time.sleep (blockFor here): the thread stops, so the loop stops too.',
      'Even gathered as tasks, blocking orders cannot overlap, and a 0 ms timer waits for all three.',
      "McDonald's: each order awaits its sleep, handing the loop back, so the three waits overlap.",
      'Async is not more CPU: it is using the waiting time for something else.',
    ],
    es: [
      'Subway: cada pedido se prepara de principio a fin antes de atender al siguiente.',
      'El cocinero de Subway llama a time.sleep (aquí blockFor): se para el hilo y con él el loop.',
      'Aunque los juntes con gather, los pedidos bloqueantes no se solapan, y un temporizador de 0 ms espera a los tres.',
      "McDonald's: cada pedido hace await de su espera y devuelve el control al loop, así que las tres esperas se solapan.",
      'Lo asíncrono no da más CPU: aprovecha el tiempo de espera para otra cosa.',
    ],
  },
  python: `import asyncio, time

async def subway(order: str) -> str:
    print(f"{order}: order taken")
    time.sleep(0.1)  # the cook blocks: nobody else is served
    print(f"{order}: served")
    return order

async def mcdonalds(order: str) -> str:
    print(f"{order}: order taken")
    await asyncio.sleep(0.1)  # the order waits; the counter takes the next one
    print(f"{order}: served")
    return order

async def timer_delay() -> float:
    """How late a 0 ms timer fires: the loop's lag."""
    set_at = time.perf_counter()
    fired = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0, lambda: fired.set_result(time.perf_counter() - set_at))
    return await fired

async def main():
    t = time.perf_counter()
    probe = asyncio.create_task(timer_delay())
    await asyncio.gather(*(subway(f"subway-{i}") for i in (1, 2, 3)))  # step: subway
    sync_ms = (time.perf_counter() - t) * 1000
    print(f"Subway: 3 orders in {sync_ms:.0f} ms; a 0 ms timer fired {await probe * 1000:.0f} ms late")

    t = time.perf_counter()
    probe = asyncio.create_task(timer_delay())
    await asyncio.gather(*(mcdonalds(f"mcdonalds-{i}") for i in (1, 2, 3)))  # step: mcdonalds
    async_ms = (time.perf_counter() - t) * 1000
    print(f"McDonald's: 3 orders in {async_ms:.0f} ms; a 0 ms timer fired {await probe * 1000:.0f} ms late")

    print(f"sync {sync_ms:.0f} ms vs async {async_ms:.0f} ms ({sync_ms / async_ms:.1f}x)")  # step: compare

asyncio.run(main())`,
  async run(ctx) {
    const say = SAY[ctx.lang];
    const orders = [1, 2, 3];

    // How late a 0 ms timer fires: while the thread is blocked, nothing on the loop can run.
    const timerDelay = (): Promise<number> => {
      const setAt = ctx.now();
      return new Promise((resolve) => setTimeout(() => resolve(ctx.now() - setAt), 0));
    };

    const subway = async (order: string): Promise<string> => {
      console.log(say.taken(order));
      ctx.blockFor(100); // time.sleep(0.1): the cook blocks the only thread
      console.log(say.served(order));
      return order;
    };

    const mcdonalds = async (order: string): Promise<string> => {
      console.log(say.taken(order));
      await ctx.sleep(100); // asyncio.sleep(0.1): the order waits, the loop is free
      console.log(say.served(order));
      return order;
    };

    await ctx.step('subway');
    let started = ctx.now();
    let probe = timerDelay();
    await ctx.gather(...orders.map((i) => ctx.createTask(`subway-${i}`, () => subway(`subway-${i}`))));
    const syncMs = ctx.now() - started;
    console.log(say.subway(syncMs, await probe));

    await ctx.step('mcdonalds');
    started = ctx.now();
    probe = timerDelay();
    await ctx.gather(...orders.map((i) => ctx.createTask(`mcdonalds-${i}`, () => mcdonalds(`mcdonalds-${i}`))));
    const asyncMs = ctx.now() - started;
    console.log(say.mcdonalds(asyncMs, await probe));

    await ctx.step('compare');
    console.log(say.compare(syncMs, asyncMs));
  },
});

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

/** What the run prints, in each language (the English is what the transcript tests compare). */
const en = {
  taken: (order: string) => `${order}: order taken`,
  served: (order: string) => `${order}: served`,
  subway: (took: number, late: number) => `Subway: 3 orders in ${ms(took)}; a 0 ms timer fired ${ms(late)} late (the loop was frozen)`,
  mcdonalds: (took: number, late: number) => `McDonald's: 3 orders in ${ms(took)}; a 0 ms timer fired ${ms(late)} late (the loop stayed free)`,
  compare: (sync: number, async: number) => `sync ${ms(sync)} vs async ${ms(async)} (${(sync / async).toFixed(1)}x)`,
};

const SAY: Localized<typeof en> = {
  en,
  es: {
    taken: (order) => `${order}: pedido tomado`,
    served: (order) => `${order}: servido`,
    subway: (took, late) => `Subway: 3 pedidos en ${ms(took)}; un temporizador de 0 ms saltó ${ms(late)} tarde (el loop estaba congelado)`,
    mcdonalds: (took, late) => `McDonald's: 3 pedidos en ${ms(took)}; un temporizador de 0 ms saltó ${ms(late)} tarde (el loop quedó libre)`,
    compare: (sync, async) => `síncrono ${ms(sync)} vs asíncrono ${ms(async)} (${(sync / async).toFixed(1)}x)`,
  },
};
