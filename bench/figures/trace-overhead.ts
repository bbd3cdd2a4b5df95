import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { loadavg } from 'node:os';
import { atLeast, median, type Measure } from '../figure.js';
import { cpuSeconds, ensureBuilt, ROOT } from '../terminal.js';

const SERVER = 'bench/workloads/http-server.mjs';
const ROUNDS = 5;
const CONCURRENCY = 32;
const WARMUP_MS = 500;
const MEASURE_MS = 2000;

const HOOKED = ['--import', './bench/workloads/hooks.mjs', SERVER];

/** How each server runs: plain, traced by loopscope, or with one kind of hook alone (bench/workloads/hooks.mjs). */
const SETUPS: Record<string, { readonly args: readonly string[]; readonly hooks?: string }> = {
  untraced: { args: [SERVER] },
  traced: { args: ['bin/loopscope.js', '--headless', '--', process.execPath, SERVER] },
  'promise-hooks': { args: HOOKED, hooks: 'promise-hooks' },
  'promise-hooks-all': { args: HOOKED, hooks: 'promise-hooks-all' },
  channels: { args: HOOKED, hooks: 'channels' },
  'async-hooks-init': { args: HOOKED, hooks: 'async-hooks-init' },
  'async-hooks-all': { args: HOOKED, hooks: 'async-hooks-all' },
};
type Setup = keyof typeof SETUPS;

/** What one run of a server under load gave. */
interface Served {
  readonly perSecond: number;
  /** CPU time the server's process spent per request (ms). */
  readonly cpuPerRequest: number;
  /** CPU time the watcher (loopscope) spent per second of the run (ms), when there is one. */
  readonly watcherPerSecond: number;
}

/**
 * A loopback HTTP server (an async handler) under a load generator written here (a keep-alive
 * agent, 32 requests at a time), traced by loopscope (`--headless -- node server.mjs`: the probe
 * in the server, loopscope reading its stream) against the same server alone: requests per
 * second, the share kept, median of rounds that take every setup in turn. On a machine shared with
 * other work the rates swing with it, so the server's CPU time per request is given too. The
 * hooks the probe uses, and those it does without, are priced alone the same way (empty callbacks).
 */
export const traceOverhead: Measure = {
  names: ['trace-overhead'],
  async run() {
    await ensureBuilt();
    const load = loadavg()[0]!;
    const kept = new Map<Setup, number[]>();
    const cpu = new Map<Setup, number[]>();
    const plain: number[] = [];
    const watcher: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const base = await serve('untraced');
      plain.push(base.perSecond);
      for (const setup of Object.keys(SETUPS) as Setup[]) {
        if (setup === 'untraced') continue;
        const served = await serve(setup);
        kept.set(setup, [...(kept.get(setup) ?? []), served.perSecond / base.perSecond]);
        cpu.set(setup, [...(cpu.get(setup) ?? []), served.cpuPerRequest / base.cpuPerRequest]);
        if (setup === 'traced') watcher.push(served.watcherPerSecond);
      }
    }
    const percent = (setup: Setup) => Math.round(median(kept.get(setup)!) * 100);
    const times = (setup: Setup) => median(cpu.get(setup)!).toFixed(2);
    const hooks = (Object.keys(SETUPS) as Setup[]).filter((s) => s !== 'untraced' && s !== 'traced');
    return [
      atLeast(
        'trace-overhead',
        percent('traced'),
        '%',
        60,
        `requests/s kept by a traced loopback HTTP server (async handler, ${CONCURRENCY} keep-alive requests at a time, ${MEASURE_MS / 1000} s per run, untraced median ${Math.round(median(plain))}/s), median of ${ROUNDS} rounds; its CPU per request ${times('traced')}x, loopscope reading the stream ${Math.round(median(watcher))} ms CPU/s; alone, empty hooks keep (CPU per request): ${hooks.map((h) => `${h} ${percent(h)}% (${times(h)}x)`).join(', ')}; 1-minute load average ${load.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`,
      ),
    ];
  },
};

/** Starts a server the setup's way, loads it, and says how fast it answered and at what CPU cost. */
async function serve(setup: Setup): Promise<Served> {
  const { args, hooks } = SETUPS[setup]!;
  const started = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, LOOPSCOPE_BENCH_HOOKS: hooks ?? '' } });
  try {
    const { port, pid } = await said(started);
    const watcher = pid === started.pid ? undefined : started.pid!;
    const cpu = () => ({ server: cpuSeconds(pid), watcher: watcher === undefined ? 0 : cpuSeconds(watcher) });
    const { perSecond, answered, ms, before, after } = await loadFor(port, cpu);
    return { perSecond, cpuPerRequest: ((after.server - before.server) * 1000) / answered, watcherPerSecond: ((after.watcher - before.watcher) * 1e6) / ms };
  } finally {
    started.kill('SIGTERM');
    await once(started, 'exit');
  }
}

/** The port and the pid the server printed. */
async function said(server: ChildProcess): Promise<{ port: number; pid: number }> {
  server.stdout!.setEncoding('utf8');
  let text = '';
  for await (const chunk of server.stdout!) {
    text += chunk as string;
    if (text.includes('\n')) {
      const [port, pid] = text.trim().split('\n')[0]!.split(' ').map(Number);
      return { port: port!, pid: pid! };
    }
  }
  throw new Error('the server ended before it said its port');
}

/**
 * Keeps CONCURRENCY requests in flight for WARMUP_MS, then counts the answers for MEASURE_MS,
 * reading `sample` (CPU times) as it starts and ends.
 */
async function loadFor<T>(port: number, sample: () => T): Promise<{ perSecond: number; answered: number; ms: number; before: T; after: T }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let answered = 0;
  let stopping = false;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/', agent }, (response) => {
          response.resume();
          response.on('end', () => resolve());
        })
        .on('error', reject);
    });
  const worker = async () => {
    while (!stopping) {
      await one();
      answered++;
    }
  };
  const workers = Array.from({ length: CONCURRENCY }, worker);
  await new Promise((resolve) => setTimeout(resolve, WARMUP_MS));
  const from = answered;
  const before = sample();
  const start = performance.now();
  await new Promise((resolve) => setTimeout(resolve, MEASURE_MS));
  const count = answered - from;
  const ms = performance.now() - start;
  const after = sample();
  stopping = true;
  await Promise.all(workers);
  agent.destroy();
  return { perSecond: (count * 1000) / ms, answered: count, ms, before, after };
}
