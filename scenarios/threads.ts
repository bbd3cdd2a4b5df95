import { pbkdf2 } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { COUNT_PRIMES_PY, countPrimes, PRIMES_LIMIT, workerFile } from './lib/cpu.js';
import { nextMessage, submitJobs, type JobMessage } from './lib/job-pool.js';
import { defineScenario, type Localized } from '../src/index.js';

/** Enough calls for two waves of libuv's default four threads; each takes ~50 ms alone. */
const PBKDF2_CALLS = 8;
const PBKDF2_ITERATIONS = 100_000;
/**
 * A first, small count that each thread (and the main thread) does before the timed jobs, so the
 * JIT has compiled the count on both sides: the speedup compares the jobs, not the compilers.
 */
const WARM_UP_LIMIT = 200_000;

export default defineScenario({
  id: 'threads',
  title: { en: 'Threads', es: 'Hilos' },
  summary: {
    en: 'The CPU work in a pool of worker threads, one per core, with the speedup measured; and the libuv threads Node hides.',
    es: 'El trabajo de CPU en un grupo de hilos (worker_threads), uno por núcleo, con la aceleración medida; y los hilos de libuv que Node esconde.',
  },
  explain: {
    en: [
      'On the main thread the jobs run one after another, and the loop is blocked meanwhile.',
      'Each worker thread has its own event loop and V8 isolate, so the jobs really run in parallel, one per core.',
      'The main thread only posts jobs and waits for messages: its loop stays free.',
      'Starting a thread, with its own isolate and a cold JIT, costs tens of ms: it is timed apart, and the speedup is given with and without it.',
      'In CPython the GIL lets one thread run Python at a time, so a ThreadPoolExecutor gives no such speedup.',
      'crypto.pbkdf2 runs on libuv\'s hidden pool (UV_THREADPOOL_SIZE, 4 by default): 8 calls finish in waves of 4.',
    ],
    es: [
      'En el hilo principal los trabajos van uno detrás de otro, y mientras tanto el loop está bloqueado.',
      'Cada hilo (worker_threads) tiene su propio event loop y su isolate de V8: los trabajos corren de verdad en paralelo, uno por núcleo.',
      'El hilo principal solo reparte trabajos y espera mensajes, así que su loop queda libre.',
      'Arrancar un hilo, con su propio isolate y un JIT en frío, cuesta decenas de ms: se mide aparte, y la aceleración se da con y sin ese coste.',
      'En CPython el GIL solo deja ejecutar Python a un hilo a la vez, así que un ThreadPoolExecutor no consigue esta aceleración.',
      'crypto.pbkdf2 corre en los hilos ocultos de libuv (UV_THREADPOOL_SIZE, 4 por defecto): 8 llamadas terminan en tandas de 4.',
    ],
  },
  python: `import asyncio, hashlib, os, time
from concurrent.futures import ThreadPoolExecutor

LIMIT = 1_500_000

${COUNT_PRIMES_PY}

async def main():
    cores = os.cpu_count()
    limits = [LIMIT] * max(4, cores)
    start = time.perf_counter()
    for limit in limits:  # step: main thread
        count_primes(limit)
    sequential = time.perf_counter() - start

    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=cores) as pool:  # step: worker pool
        jobs = [loop.run_in_executor(pool, count_primes, limit) for limit in limits]
        await asyncio.gather(*jobs)
    pooled = time.perf_counter() - start
    # With the GIL only one thread runs Python at a time: expect about 1x here.
    print(f"speedup {sequential / pooled:.1f}x")  # step: speedup

    # hashlib releases the GIL while it hashes, as Node's pbkdf2 leaves the loop for libuv's threads.
    start = time.perf_counter()
    calls = [asyncio.to_thread(hashlib.pbkdf2_hmac, "sha512", b"secret", b"salt", 100_000)
             for _ in range(8)]  # step: pbkdf2
    await asyncio.gather(*calls)
    print(f"8 calls in {time.perf_counter() - start:.3f}s")

asyncio.run(main())`,
  async run(ctx) {
    const say = SAY[ctx.lang];
    const cores = availableParallelism();
    const limits = new Array<number>(Math.max(4, cores)).fill(PRIMES_LIMIT);
    console.log(say.jobs(limits.length, cores));

    await ctx.step('main thread');
    countPrimes(WARM_UP_LIMIT);
    const mainStart = ctx.now();
    for (const limit of limits) countPrimes(limit);
    const sequential = ctx.now() - mainStart;
    console.log(say.mainThread(sequential));

    await ctx.step('worker pool');
    const startAsked = ctx.now();
    const workers = Array.from({ length: cores }, (_, i) =>
      ctx.worker(workerFile('primes-worker.mjs'), { name: `worker-${i + 1}` }),
    );
    // Each thread says 'ready', then does the same small warm-up count as the main thread did.
    await Promise.all(
      workers.map(async (worker) => {
        await nextMessage(worker, ctx.signal);
        worker.postMessage({ limit: WARM_UP_LIMIT } satisfies JobMessage);
        await nextMessage(worker, ctx.signal);
      }),
    );
    const startup = ctx.now() - startAsked;
    console.log(say.startup(cores, startup));
    const poolStart = ctx.now();
    const pool = submitJobs(
      ctx,
      workers.map((worker) => ({ events: worker, post: (message: JobMessage) => worker.postMessage(message) })),
      limits,
      { started: true },
    );
    const answers = await ctx.gather(...pool.jobs);
    const pooled = ctx.now() - poolStart;
    await pool.exited;
    answers.forEach((answer, i) => console.log(say.job(`job-${i + 1}`, answer.count, answer.ms)));
    console.log(say.pool(cores, pooled));

    await ctx.step('speedup');
    console.log(say.speedup(sequential / pooled, cores, sequential / (startup + pooled)));

    await ctx.step('pbkdf2');
    const poolSize = Number(process.env.UV_THREADPOOL_SIZE) || 4;
    console.log(say.pbkdf2(poolSize, Boolean(process.env.UV_THREADPOOL_SIZE)));
    const hashStart = ctx.now();
    const calls = Array.from({ length: PBKDF2_CALLS }, (_, i) => {
      const call = ctx.createFuture<{ queued: number; done: number }>(`pbkdf2-${i + 1}`);
      const queued = Math.round(ctx.now() - hashStart);
      pbkdf2('secret', 'salt', PBKDF2_ITERATIONS, 64, 'sha512', (error) => {
        if (call.done()) return; // cancelled by a stop while the thread was hashing
        if (error) call.setException(error);
        else call.setResult({ queued, done: Math.round(ctx.now() - hashStart) });
      });
      return call;
    });
    const times = await ctx.gather(...calls);
    // JavaScript sees when a call is handed over and when its callback runs, not when a pool
    // thread picks it up: the waves show in the finish times (queued → done, in ms).
    const last = Math.max(...times.map((t) => t.done));
    times.forEach((t, i) => {
      const bar = '█'.repeat(Math.max(1, Math.round((t.done / last) * 16)));
      console.log(`pbkdf2-${i + 1} ${String(t.queued).padStart(2)} → ${ms(t.done).padStart(6)} ${bar}`);
    });
    const finished = times.map((t) => t.done).sort((a, b) => a - b);
    const wave = Math.min(poolSize, PBKDF2_CALLS);
    const firstWave = finished[wave - 1]!;
    console.log(say.waves(wave, firstWave, last));
  },
});

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

/** What the run prints, in each language (the English is what the transcript tests compare). */
const en = {
  jobs: (jobs: number, cores: number) => `${jobs} jobs, each counting the primes below ${PRIMES_LIMIT.toLocaleString('en')}; ${cores} cores`,
  mainThread: (took: number) => `main thread, one job after another: ${ms(took)} (the loop was blocked all along)`,
  startup: (cores: number, took: number) => `starting ${cores} worker threads and warming them up: ${ms(took)}`,
  job: (job: string, count: number, took: number) => `${job}: ${count} primes in ${ms(took)} on a worker`,
  pool: (cores: number, took: number) => `pool of ${cores} worker threads: ${ms(took)} for the jobs`,
  speedup: (speedup: number, cores: number, withStartup: number) =>
    `speedup ${speedup.toFixed(2)}x with ${cores} threads; ${withStartup.toFixed(2)}x counting their start-up`,
  pbkdf2: (size: number, set: boolean) =>
    `${PBKDF2_CALLS} pbkdf2 calls on libuv's threadpool (UV_THREADPOOL_SIZE=${size}, ${set ? 'set' : 'the default'}); queued → done:`,
  waves: (wave: number, first: number, last: number) =>
    `the first ${wave} were done by ${ms(first)}, all ${PBKDF2_CALLS} by ${ms(last)} (${(last / first).toFixed(1)}x later)`,
};

const SAY: Localized<typeof en> = {
  en,
  es: {
    jobs: (jobs, cores) => `${jobs} trabajos, cada uno cuenta los primos por debajo de ${PRIMES_LIMIT.toLocaleString('en')}; ${cores} núcleos`,
    mainThread: (took) => `hilo principal, un trabajo tras otro: ${ms(took)} (el loop estuvo bloqueado todo el rato)`,
    startup: (cores, took) => `arrancar ${cores} hilos (worker_threads) y calentarlos: ${ms(took)}`,
    job: (job, count, took) => `${job}: ${count} primos en ${ms(took)} en un hilo`,
    pool: (cores, took) => `grupo de ${cores} hilos: ${ms(took)} para los trabajos`,
    speedup: (speedup, cores, withStartup) => `aceleración ${speedup.toFixed(2)}x con ${cores} hilos; ${withStartup.toFixed(2)}x contando su arranque`,
    pbkdf2: (size, set) =>
      `${PBKDF2_CALLS} llamadas a pbkdf2 en los hilos de libuv (UV_THREADPOOL_SIZE=${size}, ${set ? 'fijado' : 'por defecto'}); en cola → hecha:`,
    waves: (wave, first, last) => `las primeras ${wave} acabaron a los ${ms(first)}, las ${PBKDF2_CALLS} a los ${ms(last)} (${(last / first).toFixed(1)}x más tarde)`,
  },
};
