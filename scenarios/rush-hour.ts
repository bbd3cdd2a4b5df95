import { CancelledError, defineScenario, type Localized, type Task } from '../src/index.js';

/** Drive times in ms: each car sleeps a random time in this range. */
const SHORTEST = 50;
const LONGEST = 2000;
/** Cars are created in waves of this many, one loop turn apart, so the screen is never starved. */
const WAVE = 1000;
/** Odds that a car breaks down at the end of its drive. */
const BREAKDOWN = 0.01;
/** Odds that a long drive (LONG and more) is turned back by the supervisor on the way. */
const TURN_BACK = 0.025;
const LONG = 1200;
/** When the supervisor acts, after the last wave: long drives are then still on the road. */
const SUPERVISOR_DELAY = 300;
/** The same rush hour every run: the dashboard and a transcript can be compared. */
const SEED = 7;

export default defineScenario({
  id: 'rush-hour',
  title: { en: 'Rush hour', es: 'Hora punta' },
  summary: {
    en: '10,000 tasks at once (100,000 with --scale 100k), random sleeps, a few failing, a few cancelled by a supervisor: one loop keeps up.',
    es: '10.000 tasks a la vez (100.000 con --scale 100k), esperas aleatorias, unas pocas fallan y un supervisor cancela otras: un solo loop da abasto.',
  },
  explain: {
    en: [
      'Each car is a task that sleeps 50-2000 ms: waiting costs the loop nothing, so thousands wait at once.',
      'They arrive in waves of 1,000, one loop turn apart, so the screen and the keys keep their turn.',
      'About 1% break down: their task ends rejected, and gather(return_exceptions) keeps the error.',
      'A supervisor task cancels about 1% mid-drive: the sleep raises CancelledError inside them.',
      'The wall time is about the longest drive, not the sum: that is concurrency on one thread.',
      'Settled tasks beyond the retention limit are folded into counters, so memory stays bounded.',
    ],
    es: [
      'Cada coche es una task que duerme 50-2000 ms: esperar no le cuesta nada al loop, así que miles esperan a la vez.',
      'Llegan en oleadas de 1.000, a una vuelta del loop entre ellas, para que la pantalla y las teclas tengan su turno.',
      'Alrededor del 1% se averían: su task acaba rechazada, y gather(return_exceptions) guarda el error.',
      'Una task supervisora cancela cerca del 1% a mitad de camino: su espera lanza CancelledError dentro de ellas.',
      'El tiempo total es más o menos el del viaje más largo, no la suma: eso es concurrencia en un solo hilo.',
      'Las tasks terminadas por encima del límite de retención se pliegan en contadores: la memoria no crece sin fin.',
    ],
  },
  python: `import asyncio, random, time

CARS = 10_000  # 100_000 with --scale 100k
WAVE = 1_000

async def drive(n: int, ms: float, breaks_down: bool) -> float:
    await asyncio.sleep(ms / 1000)
    if breaks_down:
        raise RuntimeError(f"car-{n} broke down")
    return ms

async def supervisor(victims: list[asyncio.Task]) -> None:
    await asyncio.sleep(0.3)
    for car in victims:
        car.cancel("turned back by the supervisor")

async def main():
    rng = random.Random(7)
    start = time.perf_counter()
    cars, victims = [], []
    for n in range(1, CARS + 1):  # step: arrivals
        ms = rng.uniform(50, 2000)
        car = asyncio.create_task(drive(n, ms, rng.random() < 0.01), name=f"car-{n}")
        cars.append(car)
        if ms >= 1200 and rng.random() < 0.025:
            victims.append(car)
        if n % WAVE == 0:
            await asyncio.sleep(0)  # one loop turn between waves
    boss = asyncio.create_task(supervisor(victims), name="supervisor")  # step: supervisor
    results = await asyncio.gather(*cars, return_exceptions=True)  # step: wait all
    await boss
    wall = time.perf_counter() - start
    cancelled = sum(isinstance(r, asyncio.CancelledError) for r in results)
    rejected = sum(isinstance(r, Exception) for r in results)
    print(f"{len(cars) - cancelled - rejected} resolved, {rejected} rejected, {cancelled} cancelled")  # step: summary
    print(f"wall {wall * 1000:.0f} ms: {len(cars) / wall:.0f} tasks/s")

asyncio.run(main())`,
  async run(ctx) {
    const say = SAY[ctx.lang];
    const total = ctx.scale;
    const random = seededRandom(SEED);
    console.log(say.cars(total));
    const start = ctx.now();

    await ctx.step('arrivals');
    const cars: Task<number>[] = [];
    const victims: Task<number>[] = [];
    let creating = 0;
    let waveStart = ctx.now();
    for (let n = 1; n <= total; n++) {
      const drive = SHORTEST + random() * (LONGEST - SHORTEST);
      const breaksDown = random() < BREAKDOWN;
      const car = ctx.createTask(`car-${n}`, async () => {
        await ctx.sleep(drive);
        if (breaksDown) throw new Error(say.brokeDown(`car-${n}`));
        return drive;
      });
      cars.push(car);
      if (drive >= LONG && random() < TURN_BACK) victims.push(car);
      if (n % WAVE === 0 || n === total) {
        creating += ctx.now() - waveStart;
        await ctx.sleep(0);
        waveStart = ctx.now();
      }
    }
    console.log(say.arrived(creating));

    await ctx.step('supervisor');
    const supervisor = ctx.createTask('supervisor', async () => {
      await ctx.sleep(SUPERVISOR_DELAY);
      let turned = 0;
      for (const car of victims) if (car.cancel(say.turnedBack)) turned++;
      // A busy loop stretches the waves, so the first chosen cars may already be home: say so.
      const home = victims.length - turned;
      console.log(say.supervisor(turned, home));
    });

    await ctx.step('wait all');
    const results = await ctx.gatherSettled(...cars);
    await supervisor;
    const wall = ctx.now() - start;

    await ctx.step('summary');
    const cancelled = results.filter((r) => r instanceof CancelledError).length;
    const rejected = results.filter((r) => r instanceof Error).length - cancelled;
    const resolved = results.length - rejected - cancelled;
    console.log(say.settled(total, resolved, rejected, cancelled));
    console.log(say.wall(wall, total, LONGEST / ctx.speed));
  },
});

/** A small seeded generator (mulberry32): uniform in [0, 1). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function count(n: number): string {
  return n.toLocaleString('en');
}

function ms(value: number): string {
  return `${count(Math.round(value))} ms`;
}

/** What the run prints, in each language (the English is what the transcript tests compare). */
const en = {
  cars: (total: number) => `rush hour: ${count(total)} cars, each driving ${SHORTEST}-${LONGEST} ms (seeded: the same rush hour every run)`,
  brokeDown: (car: string) => `${car} broke down`,
  arrived: (creating: number) => `arrived in waves of ${count(WAVE)}, one loop turn apart: creating the tasks took ${ms(creating)} of the loop`,
  turnedBack: 'turned back by the supervisor',
  supervisor: (turned: number, home: number) =>
    `supervisor: turned back ${count(turned)} chosen cars mid-drive${home ? `; ${count(home)} had already arrived` : ''}`,
  settled: (total: number, resolved: number, rejected: number, cancelled: number) =>
    `all ${count(total)} settled: ${count(resolved)} resolved, ${count(rejected)} rejected, ${count(cancelled)} cancelled`,
  wall: (wall: number, total: number, longest: number) =>
    `wall ${ms(wall)} for ${count(total)} tasks: ${count(Math.round(total / (wall / 1000)))} tasks/s; the longest drive alone takes ${ms(longest)}`,
};

const SAY: Localized<typeof en> = {
  en,
  es: {
    cars: (total) => `hora punta: ${count(total)} coches, cada uno conduce ${SHORTEST}-${LONGEST} ms (con semilla: la misma hora punta en cada ejecución)`,
    brokeDown: (car) => `${car} se averió`,
    arrived: (creating) => `llegaron en oleadas de ${count(WAVE)}, a una vuelta del loop una de otra: crear las tasks ocupó ${ms(creating)} del loop`,
    turnedBack: 'el supervisor lo hizo volver',
    supervisor: (turned, home) => `supervisor: hizo volver a ${count(turned)} coches elegidos a mitad de camino${home ? `; ${count(home)} ya habían llegado` : ''}`,
    settled: (total, resolved, rejected, cancelled) =>
      `los ${count(total)} terminaron: ${count(resolved)} resueltos, ${count(rejected)} rechazados, ${count(cancelled)} cancelados`,
    wall: (wall, total, longest) =>
      `en total ${ms(wall)} para ${count(total)} tasks: ${count(Math.round(total / (wall / 1000)))} tasks/s; solo el viaje más largo dura ${ms(longest)}`,
  },
};
