import type { ForkOptions } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { COUNT_PRIMES_PY, countPrimes, PRIMES_LIMIT, workerFile } from './lib/cpu.js';
import { nextMessage, submitJobs, type JobMessage } from './lib/job-pool.js';
import { defineScenario, type Localized } from '../src/index.js';

/** Start-ups timed of each kind; the median is what gets compared. */
const SPAWN_SAMPLES = 3;

/** A child gets no stdin or stdout (they would tear the screen) and none of our Node flags. */
const CHILD_OPTIONS: ForkOptions = { execArgv: [], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] };

export default defineScenario({
  id: 'processes',
  title: { en: 'Processes', es: 'Procesos' },
  summary: {
    en: 'The CPU work in child processes (fork), its speedup, and what a process costs to start next to a thread.',
    es: 'El trabajo de CPU en procesos hijos (fork), su aceleración y lo que cuesta arrancar un proceso frente a un hilo.',
  },
  explain: {
    en: [
      'A child process is a whole new Node: its own memory, its own loop; it talks to us by messages over a pipe.',
      'A thread only gets a fresh V8 isolate: the start-up times show what booting a whole Node costs, on this version.',
      'Once started, children run the jobs in parallel like threads, and the main loop stays free.',
      'This is what ProcessPoolExecutor gives Python: processes sidestep the GIL, at the price of a start-up and of pickling every argument and result.',
      'The children are entities here: stopping the run kills them, none is left behind.',
    ],
    es: [
      'Un proceso hijo es un Node nuevo entero: su propia memoria, su propio loop; habla con nosotros por mensajes a través de una tubería.',
      'Un hilo solo estrena un isolate de V8: los tiempos de arranque muestran cuánto cuesta arrancar un Node entero con esta versión.',
      'Una vez en marcha, los hijos hacen los trabajos en paralelo, como los hilos, y el loop principal queda libre.',
      'Es lo que ProcessPoolExecutor da a Python: los procesos esquivan el GIL, a cambio de arrancarlos y de serializar (pickle) cada argumento y cada resultado.',
      'Aquí los hijos son entidades: al parar la ejecución se matan y no queda ninguno suelto.',
    ],
  },
  python: `import asyncio, os, time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

LIMIT = 1_500_000

${COUNT_PRIMES_PY}

def ready() -> int:
    return os.getpid()

async def first_answer(pool_class) -> float:
    start = time.perf_counter()
    with pool_class(max_workers=1) as pool:
        await asyncio.get_running_loop().run_in_executor(pool, ready)
    return time.perf_counter() - start

async def main():
    for _ in range(3):
        thread = await first_answer(ThreadPoolExecutor)  # step: spawn cost
        process = await first_answer(ProcessPoolExecutor)
        print(f"thread {thread * 1000:.0f} ms, process {process * 1000:.0f} ms")

    cores = os.cpu_count()
    limits = [LIMIT] * max(4, cores)
    start = time.perf_counter()
    for limit in limits:  # step: main thread
        count_primes(limit)
    sequential = time.perf_counter() - start

    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=cores) as pool:  # step: process pool
        jobs = [loop.run_in_executor(pool, count_primes, limit) for limit in limits]
        await asyncio.gather(*jobs)
    print(f"speedup {sequential / (time.perf_counter() - start):.1f}x")  # step: speedup

if __name__ == "__main__":  # each child imports this module again: guard the start
    asyncio.run(main())`,
  async run(ctx) {
    const say = SAY[ctx.lang];
    await ctx.step('spawn cost');
    // Time from asking for a thread or a process to its first message ('ready'), one at a time
    // so they do not compete for the cores; each is closed before the next starts.
    const threadMs: number[] = [];
    const processMs: number[] = [];
    for (let i = 1; i <= SPAWN_SAMPLES; i++) {
      const threadAsked = ctx.now();
      const worker = ctx.worker(workerFile('primes-worker.mjs'), { name: `spawn-worker-${i}` });
      await nextMessage(worker, ctx.signal);
      threadMs.push(ctx.now() - threadAsked);
      worker.postMessage('close');
      await once(worker, 'exit', { signal: ctx.signal });

      const processAsked = ctx.now();
      const child = ctx.fork(workerFile('primes-child.mjs'), [], { name: `spawn-child-${i}`, ...CHILD_OPTIONS });
      await nextMessage(child, ctx.signal);
      processMs.push(ctx.now() - processAsked);
      child.send('close');
      await once(child, 'exit', { signal: ctx.signal });
      console.log(say.startup(i, threadMs[i - 1]!, processMs[i - 1]!));
    }
    const threadStartup = median(threadMs);
    const processStartup = median(processMs);
    console.log(say.median(threadStartup, processStartup));

    const cores = availableParallelism();
    const limits = new Array<number>(Math.max(4, cores)).fill(PRIMES_LIMIT);
    await ctx.step('main thread');
    const mainStart = ctx.now();
    for (const limit of limits) countPrimes(limit);
    const sequential = ctx.now() - mainStart;
    console.log(say.mainThread(limits.length, sequential));

    await ctx.step('process pool');
    const poolStart = ctx.now();
    const children = Array.from({ length: cores }, (_, i) =>
      ctx.fork(workerFile('primes-child.mjs'), [], { name: `child-${i + 1}`, ...CHILD_OPTIONS }),
    );
    const pool = submitJobs(
      ctx,
      children.map((child) => ({ events: child, post: (message: JobMessage) => child.send(message) })),
      limits,
    );
    const answers = await ctx.gather(...pool.jobs);
    const pooled = ctx.now() - poolStart;
    await pool.exited;
    answers.forEach((answer, i) => console.log(say.job(`job-${i + 1}`, answer.count, answer.ms)));
    console.log(say.pool(cores, pooled));

    await ctx.step('speedup');
    console.log(say.speedup(sequential / pooled, cores));
  },
});

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

/** What the run prints, in each language (the English is what the transcript tests compare). */
const en = {
  startup: (i: number, thread: number, process: number) => `start-up ${i}: worker thread ${ms(thread)}, child process ${ms(process)}`,
  median: (thread: number, process: number) =>
    `median start-up: thread ${ms(thread)}, process ${ms(process)} (process / thread = ${(process / thread).toFixed(1)})`,
  mainThread: (jobs: number, took: number) => `main thread, ${jobs} jobs one after another: ${ms(took)}`,
  job: (job: string, count: number, took: number) => `${job}: ${count} primes in ${ms(took)} in a child`,
  pool: (cores: number, took: number) => `pool of ${cores} child processes: ${ms(took)}, starting them included`,
  speedup: (speedup: number, cores: number) => `speedup ${speedup.toFixed(2)}x with ${cores} processes`,
};

const SAY: Localized<typeof en> = {
  en,
  es: {
    startup: (i, thread, process) => `arranque ${i}: hilo ${ms(thread)}, proceso hijo ${ms(process)}`,
    median: (thread, process) => `arranque mediano: hilo ${ms(thread)}, proceso ${ms(process)} (proceso / hilo = ${(process / thread).toFixed(1)})`,
    mainThread: (jobs, took) => `hilo principal, ${jobs} trabajos uno tras otro: ${ms(took)}`,
    job: (job, count, took) => `${job}: ${count} primos en ${ms(took)} en un proceso hijo`,
    pool: (cores, took) => `grupo de ${cores} procesos hijos: ${ms(took)}, con su arranque`,
    speedup: (speedup, cores) => `aceleración ${speedup.toFixed(2)}x con ${cores} procesos`,
  },
};
