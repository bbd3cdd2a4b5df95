import { COUNT_PRIMES_PY, countPrimes, PRIMES_LIMIT } from './lib/cpu.js';
import { defineScenario, type Localized } from '../src/index.js';

const JOBS = 3;

export default defineScenario({
  id: 'cpu-async',
  title: { en: 'Async is not faster', es: 'Async no es más rápido' },
  summary: {
    en: 'CPU-bound work in async functions, gathered, takes as long as in sequence, and blocks the loop meanwhile.',
    es: 'Trabajo de CPU en funciones async lanzadas con gather: tarda lo mismo que en secuencia y mientras tanto bloquea el loop.',
  },
  explain: {
    en: [
      'Counting primes never awaits: once a job starts, it keeps the only thread until it returns.',
      'gather can only switch tasks at an await, so the three jobs run one after another anyway.',
      'Same total time as the plain loop, and a 0 ms timer waits for all of it: the loop is blocked (see the lag).',
      'async helps while you wait (sockets, timers, disks), not while you compute: for that you need threads or processes.',
    ],
    es: [
      'Contar primos nunca hace await: cuando un trabajo empieza, se queda con el único hilo hasta que termina.',
      'gather solo puede cambiar de task en un await, así que los tres trabajos van igualmente uno detrás de otro.',
      'Tarda lo mismo que el bucle normal, y un temporizador de 0 ms espera a que acabe todo: el loop está bloqueado (mira el retraso).',
      'async sirve mientras esperas (sockets, temporizadores, disco), no mientras calculas: para eso hacen falta hilos o procesos.',
    ],
  },
  python: `import asyncio, time

LIMIT = 1_500_000

${COUNT_PRIMES_PY}

async def count_primes_job(n: int) -> int:
    return count_primes(LIMIT)  # no await inside: the loop cannot switch

async def timer_delay() -> float:
    """How late a 0 ms timer fires: the loop's lag."""
    loop = asyncio.get_running_loop()
    set_at, fired = time.perf_counter(), loop.create_future()
    loop.call_later(0, lambda: fired.set_result(time.perf_counter() - set_at))
    return await fired

async def main():
    start = time.perf_counter()
    for n in range(1, 4):  # step: sequential
        await count_primes_job(n)
    sequential = time.perf_counter() - start

    await asyncio.sleep(0.05)  # a breath, so the two blocks stay apart
    start = time.perf_counter()
    probe = asyncio.create_task(timer_delay())
    await asyncio.gather(*(count_primes_job(n) for n in range(1, 4)))  # step: gather
    gathered = time.perf_counter() - start
    print(f"a 0 ms timer fired {await probe * 1000:.0f} ms late")

    print(f"gather / sequential = {gathered / sequential:.2f}")  # step: compare

asyncio.run(main())`,
  async run(ctx) {
    const say = SAY[ctx.lang];
    let phaseStart = 0;
    let probe: Promise<number> | undefined;
    const count_primes_job = ctx.coroutine(async function count_primes_job(n: number) {
      const start = ctx.now();
      if (n === 1) probe = timerDelay();
      const count = countPrimes(PRIMES_LIMIT); // no await inside: the loop cannot switch
      console.log(say.job(n, count, start - phaseStart, ctx.now() - phaseStart));
      return count;
    });

    // How late a 0 ms timer set as the first job starts fires: while the jobs hold the thread,
    // nothing else on the loop can run.
    const timerDelay = (): Promise<number> => {
      const setAt = ctx.now();
      return new Promise((resolve) => setTimeout(() => resolve(ctx.now() - setAt), 0));
    };

    await ctx.step('sequential');
    console.log(say.jobs);
    phaseStart = ctx.now();
    for (let n = 1; n <= JOBS; n++) await count_primes_job(n);
    const sequential = ctx.now() - phaseStart;
    console.log(say.sequential(sequential, await probe!));

    await ctx.sleep(50); // a breath, so the loop gauge shows two blocks, not one

    await ctx.step('gather');
    phaseStart = ctx.now();
    const jobs = Array.from({ length: JOBS }, (_, i) => count_primes_job(i + 1));
    await ctx.gather(...jobs);
    const gathered = ctx.now() - phaseStart;
    console.log(say.gathered(gathered, await probe!));

    await ctx.step('compare');
    console.log(say.ratio(gathered / sequential));
  },
});

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

/** What the run prints, in each language (the English is what the transcript tests compare). */
const en = {
  job: (n: number, count: number, from: number, to: number) => `job ${n}: ${count} primes, ran from ${ms(from)} to ${ms(to)}`,
  jobs: `${JOBS} jobs, each counting the primes below ${PRIMES_LIMIT.toLocaleString('en')}`,
  sequential: (took: number, late: number) => `sequential: ${ms(took)}; a 0 ms timer fired ${ms(late)} late`,
  gathered: (took: number, late: number) => `gathered: ${ms(took)}; a 0 ms timer fired ${ms(late)} late`,
  ratio: (ratio: number) => `gather / sequential = ${ratio.toFixed(2)} (1.00 would be no faster at all)`,
};

const SAY: Localized<typeof en> = {
  en,
  es: {
    job: (n, count, from, to) => `trabajo ${n}: ${count} primos, corrió de ${ms(from)} a ${ms(to)}`,
    jobs: `${JOBS} trabajos, cada uno cuenta los primos por debajo de ${PRIMES_LIMIT.toLocaleString('en')}`,
    sequential: (took, late) => `secuencial: ${ms(took)}; un temporizador de 0 ms saltó ${ms(late)} tarde`,
    gathered: (took, late) => `con gather: ${ms(took)}; un temporizador de 0 ms saltó ${ms(late)} tarde`,
    ratio: (ratio) => `gather / secuencial = ${ratio.toFixed(2)} (1.00 sería no ganar nada)`,
  },
};
