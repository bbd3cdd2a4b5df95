import { once } from 'node:events';
import { readFile } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { defineScenario, type Future, type Localized } from '../src/index.js';

export default defineScenario({
  id: 'event-loop',
  title: { en: 'The event loop is a calendar', es: 'El event loop es un calendario' },
  summary: {
    en: 'One callback per phase (nextTick, microtasks, timers, poll, check, close), printed in the order the loop ran them.',
    es: 'Un callback por fase (nextTick, microtask, timers, poll, check, close), impresos en el orden en que el loop los corrió.',
  },
  explain: {
    en: [
      "Node's loop goes round like a calendar: timers, poll (I/O callbacks), check (setImmediate), close callbacks, again.",
      'Between callbacks it empties two queues: process.nextTick first, then the microtasks (promise jobs, queueMicrotask).',
      'So the synchronous code always ends first, then nextTick, then the microtasks, before any phase gets a turn.',
      "The calendar is filled inside a timer callback, so this turn's check and close phases come before the next turn's timers.",
      'The fs callback lands in a poll phase once the threadpool has read the file: when the OS is done, not when we ask.',
      'In step mode each line waits for n; the loop has already run them, and the times say when.',
    ],
    es: [
      'El loop de Node da vueltas como un calendario: timers, poll (callbacks de E/S), check (setImmediate), close callbacks, y otra vez.',
      'Entre callback y callback vacía dos colas: primero process.nextTick, luego las microtareas (promesas, queueMicrotask).',
      'Por eso el código síncrono siempre termina primero, luego nextTick, luego las microtareas, antes de que le toque a ninguna fase.',
      'El calendario se llena dentro del callback de un temporizador, así que el check y el close de esta vuelta van antes que la fase timers de la siguiente.',
      'El callback de fs llega en una fase poll cuando los hilos de libuv ya leyeron el archivo: cuando el sistema termina, no cuando lo pedimos.',
      'En modo paso a paso cada línea espera a n; el loop ya los corrió, y los tiempos dicen cuándo.',
    ],
  },
  python: `import asyncio, pathlib, time

# asyncio's loop has no phases: one queue of ready callbacks (call_soon), a heap of timers
# (call_later) and a selector for I/O. Node's loop (libuv) runs its queues in fixed phases.

def fired(what: str) -> None:
    print(f"{what}  (+{(time.perf_counter() - start) * 1000:.1f} ms)")

async def main():
    global start
    loop = asyncio.get_running_loop()
    peers = []
    server = await asyncio.start_server(lambda r, w: peers.append(w), "127.0.0.1", 0)  # step: setup
    reader, writer = await asyncio.open_connection(*server.sockets[0].getsockname()[:2])
    start = time.perf_counter()
    print("sync: schedule one callback per phase")  # step: schedule
    loop.call_soon(fired, "call_soon (the nearest to nextTick)")  # step: nextTick
    done = loop.create_future()
    done.add_done_callback(lambda f: fired("done callback (the nearest to a promise job)"))  # step: promise
    done.set_result(None)
    loop.call_later(0, fired, "call_later(0)")  # step: timers
    reading = loop.run_in_executor(None, pathlib.Path(__file__).read_bytes)  # step: poll
    reading.add_done_callback(lambda f: fired("file read by a thread"))
    loop.call_soon(fired, "call_soon again (the nearest to setImmediate)")  # step: check
    writer.close()  # step: close
    print("sync: the schedule is made; nothing has fired yet")
    await writer.wait_closed()
    fired("connection closed (connection_lost ran)")
    await reading
    for peer in peers:
        peer.close()
    server.close()
    await server.wait_closed()

asyncio.run(main())`,
  async run(ctx) {
    const say = SAY[ctx.lang];
    await ctx.step('setup');
    const link = await loopback();
    const entries = {
      tick: ctx.createFuture<string>('process.nextTick'),
      promise: ctx.createFuture<string>('promise.then'),
      micro: ctx.createFuture<string>('queueMicrotask'),
      timer: ctx.createFuture<string>('setTimeout 0'),
      io: ctx.createFuture<string>('fs.readFile'),
      immediate: ctx.createFuture<string>('setImmediate'),
      close: ctx.createFuture<string>('socket close'),
    };
    let started = 0;
    let count = 0;
    let shown: Promise<void> = Promise.resolve();
    // Runs inside each callback: notes when it fired, at once. The printing goes through one chain in
    // firing order, so in step mode each line can wait for `n` while the loop itself has moved on.
    const fired = (entry: Future<string>, phase: string, step: () => Promise<void> | undefined): void => {
      if (entry.done()) return; // cancelled from the dashboard, or the run was stopped
      const at = ctx.now() - started;
      const n = ++count;
      entry.setResult(phase);
      shown = shown.then(async () => {
        await step();
        console.log(`${n}. ${phase.padEnd(9)} ${entry.name}  (+${at.toFixed(1)} ms)`);
      });
    };

    try {
      await ctx.step('schedule');
      // Fill the calendar from a fresh macrotask, as a script's main code runs. Right after an await
      // we would be inside a promise job, where new microtasks jump ahead of process.nextTick.
      setTimeout(() => {
        started = ctx.now();
        console.log(say.scheduling);
        process.nextTick(() => fired(entries.tick, 'nextTick', () => ctx.step('nextTick')));
        Promise.resolve().then(() => fired(entries.promise, 'microtask', () => ctx.step('promise')));
        queueMicrotask(() => fired(entries.micro, 'microtask', () => ctx.step('queueMicrotask')));
        setTimeout(() => fired(entries.timer, 'timers', () => ctx.step('timers')), 0);
        readFile(fileURLToPath(import.meta.url), () => fired(entries.io, 'poll', () => ctx.step('poll')));
        setImmediate(() => fired(entries.immediate, 'check', () => ctx.step('check')));
        link.socket.once('close', () => fired(entries.close, 'close', () => ctx.step('close')));
        link.socket.destroy();
        console.log(say.scheduled);
      }, 0);
      await Promise.all(Object.values(entries));
      await shown;
    } finally {
      await link.close();
    }
  },
});

/** A real TCP connection to ourselves: a socket whose close callback the close phase runs. */
async function loopback(): Promise<{ socket: Socket; close(): Promise<void> }> {
  const peers = new Set<Socket>();
  const server = createServer((peer) => {
    peers.add(peer);
    // The peer only sees our end go away; a reset there is expected, not a failure.
    peer.on('error', () => peer.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
  await once(socket, 'connect');
  return {
    socket,
    close() {
      socket.destroy();
      for (const peer of peers) peer.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** What the run prints, in each language (the English is what the transcript tests compare). */
const en = {
  scheduling: 'sync: schedule one callback per phase',
  scheduled: 'sync: the schedule is made; nothing has fired yet',
};

const SAY: Localized<typeof en> = {
  en,
  es: {
    scheduling: 'síncrono: un callback por fase, a la agenda',
    scheduled: 'síncrono: la agenda está hecha; todavía no ha saltado nada',
  },
};
