import { defineScenario, type Localized } from '../src/index.js';

const MAXSIZE = 3;
const ITEMS = 6;
/** Making an item is quick; handling one is slow: the queue fills and producers must wait. */
const MAKE_MS = 20;
const HANDLE_MS = 80;
const SAMPLE_MS = 40;

export default defineScenario({
  id: 'queue',
  title: { en: 'Producers and consumers', es: 'Productores y consumidores' },
  summary: {
    en: 'Fast producers and slow consumers share a queue of 3; put waits while it is full, and that wait is backpressure.',
    es: 'Productores rápidos y consumidores lentos comparten una cola de 3; put() espera mientras está llena, y esa espera es la contrapresión.',
  },
  explain: {
    en: [
      'A bounded queue (asyncio.Queue(maxsize=3)) sits between those who make work and those who do it.',
      'get waits while the queue is empty; put waits while it is full, so producers slow down to the consumers\' pace.',
      'That is backpressure: memory stays bounded however fast the producers are.',
      'join waits until every item put has been marked task_done; then one None (null here) per consumer tells them to stop.',
    ],
    es: [
      'Una cola acotada (asyncio.Queue(maxsize=3)) se pone entre quien genera trabajo y quien lo hace.',
      'get() espera mientras la cola está vacía; put() espera mientras está llena, así que los productores bajan al ritmo de los consumidores.',
      'Eso es la contrapresión: la memoria no crece por muy rápidos que sean los productores.',
      'join() espera a que cada elemento tenga su task_done(); después, un None (aquí null) por consumidor les dice que paren.',
    ],
  },
  python: `import asyncio, time

MAXSIZE, ITEMS = 3, 6

async def producer(name: str, queue: asyncio.Queue) -> None:
    for i in range(1, ITEMS + 1):
        await asyncio.sleep(0.02)  # making an item is quick
        item = f"{name}:{i}"
        if queue.full():
            print(f"{name} waits: queue full ({queue.qsize()}/{queue.maxsize})")
        await queue.put(item)  # step: put
        print(f"{name} put {item}")

async def consumer(name: str, queue: asyncio.Queue) -> int:
    handled = 0
    while True:
        item = await queue.get()  # step: get
        if item is None:
            return handled
        print(f"{name} got {item} ({queue.qsize()}/{queue.maxsize} left)")
        await asyncio.sleep(0.08)  # handling it is slow
        queue.task_done()
        handled += 1

async def main():
    queue = asyncio.Queue(maxsize=MAXSIZE)  # step: queue
    consumers = [asyncio.create_task(consumer(f"consumer-{i}", queue)) for i in (1, 2)]
    producers = [asyncio.create_task(producer(f"producer-{i}", queue)) for i in (1, 2)]
    await asyncio.gather(*producers)
    await queue.join()  # step: join
    for _ in consumers:
        await queue.put(None)  # step: stop consumers
    print(await asyncio.gather(*consumers))

asyncio.run(main())`,
  async run(ctx) {
    const say = SAY[ctx.lang];
    await ctx.step('queue');
    const queue = ctx.queue<string | null>(MAXSIZE);
    const stamp = () => `${Math.round(ctx.now())} ms`.padStart(7);

    const producer = ctx.coroutine(async function producer(name: string) {
      let waited = 0;
      for (let i = 1; i <= ITEMS; i++) {
        await ctx.sleep(MAKE_MS); // making an item is quick
        const item = `${name}:${i}`;
        await ctx.step('put');
        const since = ctx.now();
        const full = queue.full();
        if (full) console.log(`${stamp()}  ${say.waits(name, queue.qsize())}`);
        await queue.put(item);
        if (full) {
          waited += ctx.now() - since;
          console.log(`${stamp()}  ${say.putAfter(name, item, ctx.now() - since)}`);
        } else {
          console.log(`${stamp()}  ${say.put(name, item, queue.qsize())}`);
        }
      }
      return Math.round(waited);
    });

    const consumer = ctx.coroutine(async function consumer(name: string) {
      let handled = 0;
      for (;;) {
        await ctx.step('get');
        const item = await queue.get();
        if (item === null) return handled;
        console.log(`${stamp()}  ${say.got(name, item, queue.qsize())}`);
        await ctx.sleep(HANDLE_MS); // handling it is slow
        queue.taskDone();
        handled++;
      }
    });

    const sizes: number[] = [];
    const sampler = setInterval(() => sizes.push(queue.qsize()), SAMPLE_MS / ctx.speed);
    try {
      const consumers = [1, 2].map((i) => ctx.createTask(consumer(`consumer-${i}`), `consumer-${i}`));
      const producers = [1, 2].map((i) => ctx.createTask(producer(`producer-${i}`), `producer-${i}`));
      const waits = await ctx.gather(...producers);
      console.log(`${stamp()}  ${say.producersDone(waits)}`);
      await ctx.step('join');
      await queue.join();
      console.log(`${stamp()}  ${say.joined}`);
      await ctx.step('stop consumers');
      for (const _ of consumers) await queue.put(null);
      const handled = await ctx.gather(...consumers);
      console.log(`${stamp()}  ${say.consumersDone(handled)}`);
    } finally {
      clearInterval(sampler);
    }
    console.log(say.sizes(sizes));
  },
});

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

/** What the run prints, in each language (the English is what the transcript tests compare). */
const en = {
  waits: (name: string, size: number) => `${name} waits: queue full (${size}/${MAXSIZE})`,
  putAfter: (name: string, item: string, waited: number) => `${name} put ${item} after waiting ${ms(waited)}`,
  put: (name: string, item: string, size: number) => `${name} put ${item} (${size}/${MAXSIZE})`,
  got: (name: string, item: string, size: number) => `${name} got ${item} (${size}/${MAXSIZE} left)`,
  producersDone: (waits: readonly number[]) => `producers done; they waited ${waits.map(ms).join(' and ')} on a full queue`,
  joined: 'every item handled (join returned)',
  consumersDone: (handled: readonly number[]) => `consumers handled ${handled.join(' + ')} items`,
  sizes: (sizes: readonly number[]) => `queue size every ${SAMPLE_MS} ms: ${sizes.join(' ')} (max ${Math.max(...sizes)} of ${MAXSIZE})`,
};

const SAY: Localized<typeof en> = {
  en,
  es: {
    waits: (name, size) => `${name} espera: cola llena (${size}/${MAXSIZE})`,
    putAfter: (name, item, waited) => `${name} puso ${item} tras esperar ${ms(waited)}`,
    put: (name, item, size) => `${name} puso ${item} (${size}/${MAXSIZE})`,
    got: (name, item, size) => `${name} tomó ${item} (quedan ${size}/${MAXSIZE})`,
    producersDone: (waits) => `productores terminados; esperaron ${waits.map(ms).join(' y ')} con la cola llena`,
    joined: 'todos los elementos atendidos (join volvió)',
    consumersDone: (handled) => `los consumidores atendieron ${handled.join(' + ')} elementos`,
    sizes: (sizes) => `tamaño de la cola cada ${SAMPLE_MS} ms: ${sizes.join(' ')} (máx ${Math.max(...sizes)} de ${MAXSIZE})`,
  },
};
