import { defineScenario, errorText, type Localized, type Task } from '../src/index.js';

export default defineScenario({
  id: 'concurrency',
  title: { en: 'Gather, timeouts, groups', es: 'gather, plazos y grupos' },
  summary: {
    en: 'gather overlaps waits; waitFor gives up and cancels; asCompleted, TaskGroup and Semaphore keep order.',
    es: 'gather solapa las esperas; waitFor se rinde y cancela; asCompleted, TaskGroup y Semaphore ponen orden.',
  },
  explain: {
    en: [
      'Awaiting three 100 ms fetches one after another takes 300 ms; gather runs them as tasks at once: 100 ms.',
      'waitFor puts a deadline on an await: when it passes, the task is cancelled and TimeoutError is raised.',
      'asCompleted hands results back in the order they finish, not the order they were asked for.',
      'In a TaskGroup the first failure cancels the siblings still running, and the group raises an ExceptionGroup.',
      'A Semaphore lets only N holders in at once: 10 jobs with a limit of 3 run in waves of 3.',
    ],
    es: [
      'Esperar tres fetch de 100 ms uno detrás de otro tarda 300 ms; gather los lanza como tasks a la vez: 100 ms.',
      'waitFor le pone un plazo a un await: si vence, cancela la task y lanza TimeoutError.',
      'asCompleted devuelve los resultados según van terminando, no en el orden en que se pidieron.',
      'En un TaskGroup el primer fallo cancela a las hermanas que siguen corriendo, y el grupo lanza un ExceptionGroup.',
      'Un Semaphore deja pasar como mucho a N a la vez: 10 trabajos con límite 3 van en tandas de 3.',
    ],
  },
  python: `import asyncio, time

async def fetch(page: str, seconds: float = 0.1) -> str:
    await asyncio.sleep(seconds)
    return page

async def fail(after: float):
    await asyncio.sleep(after)
    raise ConnectionError("upload-3: connection reset")

async def main():
    t = time.perf_counter()
    for page in ("page-1", "page-2", "page-3"):
        await fetch(page)  # step: sequential
    sequential = time.perf_counter() - t
    t = time.perf_counter()
    await asyncio.gather(*(fetch(p) for p in ("page-1", "page-2", "page-3")))  # step: gather
    concurrent = time.perf_counter() - t
    print(f"sequential {sequential * 1000:.0f} ms vs concurrent {concurrent * 1000:.0f} ms ({sequential / concurrent:.1f}x)")

    slow = asyncio.create_task(fetch("slow-page", 0.5), name="slow-page")
    try:
        await asyncio.wait_for(slow, 0.15)  # step: wait for
    except TimeoutError:
        print(f"TimeoutError after 150 ms; slow-page cancelled: {slow.cancelled()}")

    asked = [fetch("slow", 0.15), fetch("fast", 0.05), fetch("medium", 0.1)]
    for next_done in asyncio.as_completed(asked):  # step: as completed
        print(await next_done)

    try:
        async with asyncio.TaskGroup() as tg:  # step: task group
            tg.create_task(fetch("upload-1", 0.1), name="upload-1")
            tg.create_task(fetch("upload-2", 0.3), name="upload-2")
            tg.create_task(fail(0.15), name="upload-3")
    except* ConnectionError as group:
        print(f"TaskGroup raised {group!r}")

    sem = asyncio.Semaphore(3)
    running = most = 0
    async def job():
        nonlocal running, most
        async with sem:  # step: semaphore
            running += 1
            most = max(most, running)
            await asyncio.sleep(0.05)
            running -= 1
    t = time.perf_counter()
    await asyncio.gather(*(asyncio.create_task(job(), name=f"job-{n}") for n in range(1, 11)))
    print(f"semaphore(3): 10 jobs of 50 ms in {(time.perf_counter() - t) * 1000:.0f} ms, at most {most} running at once")

asyncio.run(main())`,
  async run(ctx) {
    const say = SAY[ctx.lang];
    const fetch = ctx.coroutine(async function fetch(page: string, ms: number = 100) {
      await ctx.sleep(ms);
      return page;
    });
    const fail = ctx.coroutine(async function fail(ms: number): Promise<string> {
      await ctx.sleep(ms);
      throw new Error(say.reset);
    });
    const pages = ['page-1', 'page-2', 'page-3'];

    await ctx.step('sequential');
    let since = ctx.now();
    for (const page of pages) await fetch(page);
    const sequential = ctx.now() - since;
    console.log(say.sequential(sequential));

    await ctx.step('gather');
    since = ctx.now();
    await ctx.gather(...pages.map((page) => ctx.createTask(fetch(page), page)));
    const concurrent = ctx.now() - since;
    console.log(say.gathered(concurrent));
    console.log(say.compare(sequential, concurrent));

    await ctx.step('wait for');
    const slow = ctx.createTask(fetch('slow-page', 500), 'slow-page');
    since = ctx.now();
    try {
      await ctx.waitFor(slow, 150);
    } catch (error) {
      console.log(say.gaveUp(errorText(error), ctx.now() - since));
    }
    // As asyncio's wait_for, it raised only once the cancelled task had unwound.
    console.log(say.cancelled(slow.cancelled()));

    await ctx.step('as completed');
    const asked = [
      ctx.createTask(fetch('slow', 150), 'slow'),
      ctx.createTask(fetch('fast', 50), 'fast'),
      ctx.createTask(fetch('medium', 100), 'medium'),
    ];
    console.log(say.asked);
    since = ctx.now();
    for (const next of ctx.asCompleted(asked)) {
      console.log(say.completed(await next, ctx.now() - since));
    }

    await ctx.step('task group');
    const uploads: Task<string>[] = [];
    since = ctx.now();
    try {
      await ctx.taskGroup((tg) => {
        uploads.push(tg.createTask(fetch('upload-1', 100), 'upload-1'));
        uploads.push(tg.createTask(fetch('upload-2', 300), 'upload-2'));
        uploads.push(tg.createTask(fail(150), 'upload-3'));
      });
    } catch (error) {
      console.log(say.groupRaised(errorText(error), ctx.now() - since));
      if (error instanceof ctx.ExceptionGroup) for (const inner of error.exceptions) console.log(say.inside(errorText(inner)));
    }
    for (const upload of uploads) console.log(say.ended(upload.name, upload.record.state));

    await ctx.step('semaphore');
    const sem = ctx.semaphore(3);
    let running = 0;
    let most = 0;
    since = ctx.now();
    const jobs = Array.from({ length: 10 }, (_, i) =>
      ctx.createTask(`job-${i + 1}`, () =>
        sem.with(async () => {
          most = Math.max(most, ++running);
          try {
            await ctx.sleep(50);
          } finally {
            running--;
          }
        }),
      ),
    );
    await ctx.gather(...jobs);
    console.log(say.semaphore(ctx.now() - since, most));
  },
});

const round = (ms: number) => `${Math.round(ms)} ms`;

/** What the run prints, in each language (the English is what the transcript tests compare). */
const en = {
  reset: 'upload-3: connection reset',
  sequential: (ms: number) => `sequential: 3 × 100 ms in ${round(ms)}`,
  gathered: (ms: number) => `gather: 3 × 100 ms in ${round(ms)}`,
  compare: (sequential: number, concurrent: number) => `sequential ${round(sequential)} vs concurrent ${round(concurrent)} (${(sequential / concurrent).toFixed(1)}x)`,
  gaveUp: (error: string, ms: number) => `waitFor(slow-page, 150 ms) raised ${error} (measured ${round(ms)})`,
  cancelled: (yes: boolean) => `slow-page cancelled: ${yes}`,
  asked: 'asked in order: slow, fast, medium',
  completed: (page: string, ms: number) => `as completed: ${page} (+${round(ms)})`,
  groupRaised: (error: string, ms: number) => `TaskGroup raised ${error} after ${round(ms)}`,
  inside: (error: string) => `  inside: ${error}`,
  ended: (task: string, state: string) => `${task}: ${state}`,
  semaphore: (ms: number, most: number) => `semaphore(3): 10 jobs of 50 ms in ${round(ms)}, at most ${most} running at once`,
};

/** How the Spanish prints name the states a task can end in. */
const ENDED_ES: Readonly<Record<string, string>> = { resolved: 'resuelta', rejected: 'rechazada', cancelled: 'cancelada' };

const SAY: Localized<typeof en> = {
  en,
  es: {
    reset: 'upload-3: conexión reiniciada',
    sequential: (ms) => `secuencial: 3 × 100 ms en ${round(ms)}`,
    gathered: (ms) => `gather: 3 × 100 ms en ${round(ms)}`,
    compare: (sequential, concurrent) => `secuencial ${round(sequential)} vs concurrente ${round(concurrent)} (${(sequential / concurrent).toFixed(1)}x)`,
    gaveUp: (error, ms) => `waitFor(slow-page, 150 ms) lanzó ${error} (medido: ${round(ms)})`,
    cancelled: (yes) => `slow-page cancelada: ${yes ? 'sí' : 'no'}`,
    asked: 'pedidas en este orden: slow, fast, medium',
    completed: (page, ms) => `según terminan: ${page} (+${round(ms)})`,
    groupRaised: (error, ms) => `TaskGroup lanzó ${error} tras ${round(ms)}`,
    inside: (error) => `  dentro: ${error}`,
    ended: (task, state) => `${task}: ${ENDED_ES[state] ?? state}`,
    semaphore: (ms, most) => `semaphore(3): 10 trabajos de 50 ms en ${round(ms)}, como mucho ${most} a la vez`,
  },
};
