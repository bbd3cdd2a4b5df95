import { once } from 'node:events';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defineScenario, type Localized } from '../src/index.js';

const REQUESTS = 50;
const LIMIT = 10;
/** What the server waits before each answer, like a slow database behind it. */
const LATENCY_MS = 30;

export default defineScenario({
  id: 'io-bound',
  title: { en: 'I/O-bound', es: 'Limitado por E/S' },
  summary: {
    en: 'A real HTTP server with a fixed latency; 50 requests one by one, then 10 at a time, where the waits overlap.',
    es: 'Un servidor HTTP de verdad con latencia fija; 50 peticiones de una en una y luego de 10 en 10, con las esperas solapadas.',
  },
  explain: {
    en: [
      'Each request spends almost all its time waiting for the server, and the loop is free while it waits.',
      'One by one, the waits add up: 50 requests take about 50 times the latency.',
      'With a Semaphore of 10, ten requests wait at once, so the same 50 take about five latencies.',
      'This is where async shines: one thread, many sockets, no CPU spent waiting.',
      'The limit matters: it is how you stay polite to a server (aiohttp does the same with its connector limit).',
    ],
    es: [
      'Cada petición pasa casi todo el tiempo esperando al servidor, y mientras espera el loop queda libre.',
      'De una en una, las esperas se suman: 50 peticiones tardan unas 50 veces la latencia.',
      'Con un Semaphore de 10, diez peticiones esperan a la vez, y las mismas 50 tardan unas cinco latencias.',
      'Aquí es donde async brilla: un hilo, muchos sockets, y nada de CPU gastada en esperar.',
      'El límite importa: así no saturas al servidor (aiohttp hace lo mismo con el límite de conexiones de su conector).',
    ],
  },
  python: `import asyncio, time
from aiohttp import ClientSession, TCPConnector, web

REQUESTS, LIMIT, LATENCY = 50, 10, 0.03

async def handle(request: web.Request) -> web.Response:
    await asyncio.sleep(LATENCY)  # the server is slow to answer
    return web.Response(text=f"page {request.path}")

async def fetch_page(session: ClientSession, url: str) -> str:
    async with session.get(url) as response:
        return await response.text()

async def main():
    app = web.Application()
    app.router.add_get("/{page}", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()  # step: server
    host, port = runner.addresses[0][:2]
    urls = [f"http://{host}:{port}/{i}" for i in range(REQUESTS)]

    async with ClientSession(connector=TCPConnector(limit=LIMIT)) as session:
        start = time.perf_counter()
        for url in urls:  # step: sequential
            await fetch_page(session, url)
        sequential = time.perf_counter() - start

        sem = asyncio.Semaphore(LIMIT)
        async def limited(url: str) -> str:
            async with sem:
                return await fetch_page(session, url)
        start = time.perf_counter()
        await asyncio.gather(*(limited(url) for url in urls))  # step: concurrent
        concurrent = time.perf_counter() - start

    await runner.cleanup()  # step: close
    print(f"concurrent / sequential = {concurrent / sequential:.2f}")

asyncio.run(main())`,
  async run(ctx) {
    const say = SAY[ctx.lang];
    await ctx.step('server');
    const server = createServer((req, res) => {
      const timer = setTimeout(() => res.end(say.page(req.url)), LATENCY_MS / ctx.speed);
      res.on('close', () => clearTimeout(timer)); // the client went away: no answer to send
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    // Our own agent, so its kept-alive sockets are ours to close at the end.
    const agent = new Agent({ keepAlive: true, maxSockets: LIMIT });
    console.log(say.listening(port));

    let inFlight = 0;
    const fetchPage = (path: string): Promise<string> =>
      new Promise((resolve, reject) => {
        inFlight++;
        const req = request({ host: '127.0.0.1', port, path, agent, signal: ctx.signal }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve(body));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.on('close', () => inFlight--);
        req.end();
      });

    // Samples how many requests are in flight while a round runs.
    const samples: number[] = [];
    let sampler: NodeJS.Timeout | undefined;
    const watchInFlight = (everyMs: number) => {
      samples.length = 0;
      sampler = setInterval(() => samples.push(inFlight), everyMs);
    };
    const inFlightOverTime = (everyMs: number) => {
      clearInterval(sampler);
      return say.inFlight(everyMs, samples.join(' '));
    };
    const paths = Array.from({ length: REQUESTS }, (_, i) => `/${i + 1}`);

    try {
      await ctx.step('sequential');
      watchInFlight(100);
      const sequentialStart = ctx.now();
      for (const path of paths) await fetchPage(path);
      const sequential = ctx.now() - sequentialStart;
      console.log(say.oneByOne(sequential));
      console.log(inFlightOverTime(100));

      await ctx.step('concurrent');
      const sem = ctx.semaphore(LIMIT);
      watchInFlight(10);
      const concurrentStart = ctx.now();
      await ctx.gather(...paths.map((path) => ctx.createTask(`GET ${path}`, () => sem.with(() => fetchPage(path)))));
      const concurrent = ctx.now() - concurrentStart;
      console.log(say.atATime(concurrent));
      console.log(inFlightOverTime(10));
      console.log(say.ratio(concurrent / sequential));
    } finally {
      await ctx.step('close');
      clearInterval(sampler);
      agent.destroy();
      server.close();
      await once(server, 'close');
      console.log(say.closed);
    }
  },
});

function perSecond(elapsedMs: number): number {
  return Math.round(REQUESTS / (elapsedMs / 1000));
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

/** What the run prints, in each language (the English is what the transcript tests compare). */
const en = {
  page: (url: string | undefined) => `page ${url}`,
  listening: (port: number) => `server on 127.0.0.1:${port}, answering each request after ${LATENCY_MS} ms; ${REQUESTS} requests per round`,
  inFlight: (everyMs: number, samples: string) => `in flight every ${everyMs} ms: ${samples}`,
  oneByOne: (took: number) => `one by one: ${REQUESTS} requests in ${ms(took)}, ${perSecond(took)} req/s`,
  atATime: (took: number) => `${LIMIT} at a time: ${REQUESTS} requests in ${ms(took)}, ${perSecond(took)} req/s`,
  ratio: (ratio: number) => `concurrent / sequential = ${ratio.toFixed(2)}`,
  closed: 'server closed, sockets destroyed',
};

const SAY: Localized<typeof en> = {
  en,
  es: {
    page: (url) => `página ${url}`,
    listening: (port) => `servidor en 127.0.0.1:${port}, responde cada petición tras ${LATENCY_MS} ms; ${REQUESTS} peticiones por ronda`,
    inFlight: (everyMs, samples) => `en vuelo cada ${everyMs} ms: ${samples}`,
    oneByOne: (took) => `de una en una: ${REQUESTS} peticiones en ${ms(took)}, ${perSecond(took)} pet/s`,
    atATime: (took) => `${LIMIT} a la vez: ${REQUESTS} peticiones en ${ms(took)}, ${perSecond(took)} pet/s`,
    ratio: (ratio) => `concurrente / secuencial = ${ratio.toFixed(2)}`,
    closed: 'servidor cerrado, sockets destruidos',
  },
};
