import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
import type { Server, Socket } from 'node:net';
import timers from 'node:timers';
import type { ChildProcess } from 'node:child_process';
import { basename } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Probe, Rule } from './probe.js';

/** What Node keeps on a timer or an immediate, read (never written) to see where it is. */
interface TimerObject {
  readonly _idleTimeout?: number;
  readonly _repeat?: number | null;
  readonly _destroyed?: boolean;
  readonly _onTimeout?: ((...args: unknown[]) => unknown) | null;
  readonly _onImmediate?: ((...args: unknown[]) => unknown) | null;
}

/** ` → tick` for a named callback, nothing for an anonymous one. */
const callbackName = (fn: ((...args: unknown[]) => unknown) | null | undefined) => (fn?.name ? ` → ${fn.name}` : '');

const TIMER: Rule<TimerObject> = {
  kind: 'timer',
  name: (t) => `${t._repeat ? 'setInterval' : 'setTimeout'} ${t._idleTimeout}ms${callbackName(t._onTimeout)}`,
  // Cleared: Node sets its timeout to -1; fired (and not repeating): only destroyed.
  state: (t) => (!t._destroyed ? 'pending' : t._idleTimeout === -1 ? 'cancelled' : 'settled'),
  outcome: (t) => (t._idleTimeout === -1 ? 'cleared' : undefined),
};

const IMMEDIATE: Rule<TimerObject> = {
  kind: 'immediate',
  name: (t) => `setImmediate${callbackName(t._onImmediate)}`,
  // Run or cleared, Node leaves the same marks on it: both are over.
  state: (t) => (t._destroyed ? 'settled' : 'pending'),
};

const address = (host: string | undefined, port: number | undefined) => (host === undefined ? 'pipe' : `${host.includes(':') ? `[${host}]` : host}:${port}`);

const SOCKET: Rule<Socket> = {
  kind: 'socket',
  name: (s) => ((s as { server?: unknown }).server ? `← ${address(s.remoteAddress, s.remotePort)}` : `→ ${address(s.remoteAddress ?? (s as { _host?: string })._host ?? undefined, s.remotePort)}`),
  state: (s) => (s.destroyed ? 'settled' : s.connecting ? 'pending' : 'waiting'),
  outcome: (s) => `${s.bytesRead} B in, ${s.bytesWritten} B out`,
};

const SERVER: Rule<Server> = {
  kind: 'server',
  name: (s) => {
    const at = s.address();
    return `server ${typeof at === 'string' ? at : at ? address(at.address, at.port) : ''}`.trimEnd();
  },
  state: (s) => (s.listening ? 'waiting' : 'settled'),
};

const SERVED: Rule<ServerResponse> = {
  kind: 'request',
  name: (response) => `${response.req.method} ${response.req.url}`,
  state: (response) => (response.writableFinished ? 'settled' : response.destroyed ? 'cancelled' : 'pending'),
  outcome: (response) => String(response.statusCode),
};

const SENT: Rule<ClientRequest> = {
  kind: 'request',
  name: (r) => `${r.method} ${r.host}${r.path}`,
  state: (r) => ((r as { res?: IncomingMessage }).res?.complete ? 'settled' : !r.destroyed ? 'pending' : r.errored ? 'rejected' : 'cancelled'),
  outcome: (r) => (r.errored ? r.errored.message : String((r as { res?: IncomingMessage }).res?.statusCode ?? '')),
};

const CHILD: Rule<ChildProcess> = {
  kind: 'process',
  name: (c) => `${[basename(c.spawnargs[0] ?? c.spawnfile), ...c.spawnargs.slice(1)].join(' ')}${c.pid === undefined ? '' : ` (pid ${c.pid})`}`,
  state: (c) => (c.exitCode !== null || c.signalCode !== null ? 'settled' : 'waiting'),
  outcome: (c) => (c.signalCode !== null ? `killed by ${c.signalCode}` : `exit code ${c.exitCode}`),
};

const WORKER: Rule<Worker> = {
  kind: 'worker',
  name: (w) => `worker thread ${w.threadId}`,
  // Node gives an ended worker the thread id -1.
  state: (w) => (w.threadId === -1 ? 'settled' : 'waiting'),
};

/** The async id of a handle-backed object (a socket's, a server's), if it has a handle. */
const handleId = (owner: object) => (owner as { _handle?: { getAsyncId?(): number } | null })._handle?.getAsyncId?.();

type Patchable = 'setTimeout' | 'setInterval' | 'setImmediate';

/**
 * Node's resources, each seen where it is cheapest to see without changing what the program does
 * or prints: sockets, servers, HTTP requests, child processes and workers from Node's diagnostics
 * channels (which cost nothing until subscribed), timers and immediates from the functions that
 * make them (proxies: the program's callbacks are not wrapped, so their stack traces stay as under
 * plain node). Whether each has ended is read from the object Node returned, at each tick.
 * Returns what undoes it: the channels are left and the functions given back their plain selves.
 */
export function watchResources(probe: Probe): () => void {
  let asyncIdSymbol: symbol | undefined;
  const timerId = (t: object) => {
    asyncIdSymbol ??= Object.getOwnPropertySymbols(t).find((s) => s.description === 'asyncId');
    return asyncIdSymbol === undefined ? undefined : ((t as Record<symbol, number>)[asyncIdSymbol] ?? undefined);
  };
  let on = true;
  const originals = new Map<Patchable, unknown>();
  const patch = (name: Patchable, rule: Rule<TimerObject>) => {
    const original = timers[name];
    originals.set(name, original);
    const proxy = new Proxy(original, {
      apply(target, self, args) {
        const made = Reflect.apply(target, self, args) as object;
        if (on) probe.watch(rule, made, timerId(made));
        return made;
      },
    });
    (timers as Record<Patchable, unknown>)[name] = proxy;
    (globalThis as Record<Patchable, unknown>)[name] = proxy;
  };
  patch('setTimeout', TIMER);
  patch('setInterval', TIMER);
  patch('setImmediate', IMMEDIATE);
  syncBuiltinESMExports();

  const channels: [string, (message: unknown) => void][] = [
    ['net.server.socket', (m) => probe.watch(SOCKET, (m as { socket: Socket }).socket, handleId((m as { socket: Socket }).socket))],
    ['net.client.socket', (m) => probe.watch(SOCKET, (m as { socket: Socket }).socket)],
    ['tracing:net.server.listen:asyncEnd', (m) => probe.watch(SERVER, (m as { server: Server }).server, handleId((m as { server: Server }).server))],
    [
      'http.server.request.start',
      (m) => {
        const { response, socket } = m as { response: ServerResponse; socket: Socket };
        // Nested under its connection's socket: the parser it came through is not a resource shown.
        probe.watch(SERVED, response, undefined, handleId(socket));
      },
    ],
    ['http.client.request.start', (m) => probe.watch(SENT, (m as { request: ClientRequest }).request)],
    ['child_process', (m) => probe.watch(CHILD, (m as { process: ChildProcess }).process)],
    ['worker_threads', (m) => probe.watch(WORKER, (m as { worker: Worker }).worker)],
  ];
  for (const [name, listener] of channels) subscribe(name, listener);
  return () => {
    on = false;
    for (const [name, listener] of channels) unsubscribe(name, listener);
    for (const [name, original] of originals) {
      // A program that kept the proxy keeps calling through it, which now only passes the call on.
      if (globalThis[name] === (timers as Record<Patchable, unknown>)[name]) (globalThis as Record<Patchable, unknown>)[name] = original;
      (timers as Record<Patchable, unknown>)[name] = original;
    }
    syncBuiltinESMExports();
  };
}

/**
 * A callback fs request, as process.getActiveResourcesInfo() names it. The promise API's
 * (FSReqPromise) are left out: their calls are promises, shown as such, and Node's module loader
 * reads the program with them.
 */
const FS_REQUEST = 'FSReqCallback';

/**
 * The fs requests in flight, as one entity per process whose detail is how many (running while
 * there are some): Node says which ones only to async_hooks, whose cost (and extra stack frame)
 * the probe does without, but it counts them for anyone (process.getActiveResourcesInfo).
 */
export function watchFs(probe: Probe): void {
  let rec: ReturnType<Probe['tracker']['adopt']> | undefined;
  let last = 0;
  probe.onTick(() => {
    let n = 0;
    for (const type of process.getActiveResourcesInfo()) if (type === FS_REQUEST) n++;
    if (n === last) return;
    last = n;
    const detail = `${n} in flight`;
    if (!rec) {
      rec = probe.tracker.adopt('fs', 'fs requests', 'running', probe.nowUs(), undefined, detail);
      return;
    }
    probe.tracker.describe(rec, detail);
    probe.tracker.setState(rec, n > 0 ? 'running' : 'pending');
  });
}
