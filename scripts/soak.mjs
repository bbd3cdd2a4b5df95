#!/usr/bin/env node
// Soak test (not part of npm test): runs the dashboard in tmux for N minutes on an endless
// --autoplay tour (each time it reaches the last scenario, key 1 sends it back to the first),
// samples the app's RSS from /proc and the loop lag its own loop panel shows, and prints a
// table per minute and the whole run's figures at the end. Exits 1 if the app died on the way.
// With --heap, the app also collects its garbage every 10 s and logs its live heap (soak-heap.mjs),
// which tells memory kept alive from garbage V8 has not collected yet (RSS counts both).
//
//   node scripts/soak.mjs [--minutes 10] [--seconds 4] [--size 80x24] [--heap]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHELL, killServer } from './tmux-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const minutes = Number(option('minutes', '10'));
const seconds = Number(option('seconds', '4'));
const [columns, rows] = option('size', '80x24').split('x').map(Number);
const heapLog = args.includes('--heap') ? join(tmpdir(), `loopscope-soak-heap-${process.pid}.log`) : undefined;
if (!(minutes > 0) || !(seconds >= 1) || !(columns > 0) || !(rows > 0)) {
  console.error('usage: node scripts/soak.mjs [--minutes 10] [--seconds 4] [--size 80x24] [--heap]');
  process.exit(2);
}
if (!existsSync('/usr/bin/tmux')) {
  console.error('soak: needs tmux (/usr/bin/tmux)');
  process.exit(2);
}

const socket = `loopscope-soak-${process.pid}`;
const tmux = (...a) => execFileSync('/usr/bin/tmux', ['-L', socket, ...a], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-t', '0');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const list = execFileSync(process.execPath, ['bin/loopscope.js', '--list'], { cwd: root, encoding: 'utf8' });
const lastId = list.trim().split('\n').at(-1).split(/\s+/)[1];

/** Milliseconds from the loop panel's `1.2ms` / `3.4s`. */
const ms = (value, unit) => Number(value) * (unit === 's' ? 1000 : 1);

function appPid() {
  const shell = tmux('display-message', '-p', '-t', '0', '#{pane_pid}').trim();
  const children = readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8').trim();
  return children ? Number(children.split(/\s+/)[0]) : undefined;
}

function sample(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
  const text = screen();
  const lag = /lag now ([\d.]+)(ms|s)/.exec(text);
  const max = /max ([\d.]+)(ms|s)/.exec(text);
  const tab = /\[(?:\d+ )?([a-z-]+)\]/.exec(text.split('\n')[0] ?? '');
  return {
    t: performance.now(),
    rssMb: field('VmRSS') / 1024,
    threads: field('Threads'),
    fds: readdirSync(`/proc/${pid}/fd`).length,
    lagMs: lag ? ms(lag[1], lag[2]) : undefined,
    maxMs: max ? ms(max[1], max[2]) : undefined,
    scenario: tab?.[1],
    text,
  };
}

const stats = (values) => {
  const v = values.filter((x) => x !== undefined && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { min: NaN, median: NaN, p95: NaN, max: NaN };
  const at = (q) => v[Math.min(v.length - 1, Math.floor(q * v.length))];
  return { min: v[0], median: at(0.5), p95: at(0.95), max: v[v.length - 1] };
};
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');

tmux('-f', '/dev/null', 'new-session', '-d', '-x', String(columns), '-y', String(rows), '-c', root, SHELL);
const samples = [];
let loops = 0;
let died;
try {
  for (let i = 0; !screen().includes('ready$'); i++) {
    if (i > 100) throw new Error('the shell did not start');
    await sleep(50);
  }
  const probe = heapLog ? `SOAK_HEAP_LOG=${heapLog} NODE_OPTIONS=--import=./scripts/soak-heap.mjs ` : '';
  tmux('send-keys', '-t', '0', '-l', `${probe}node bin/loopscope.js --autoplay ${seconds}; echo "__EXIT_$?__"`);
  tmux('send-keys', '-t', '0', 'Enter');
  let pid;
  for (let i = 0; !(pid = appPid()) || !screen().includes('Tasks & futures'); i++) {
    if (i > 200) throw new Error(`no first frame:\n${screen()}`);
    await sleep(50);
  }
  console.log(`soak: pid ${pid}, ${minutes} min at ${columns}x${rows}, --autoplay ${seconds} (back to the first scenario after ${lastId})`);
  const start = performance.now();
  let sentBack = -Infinity;
  while (performance.now() - start < minutes * 60_000) {
    await sleep(1000);
    if (!existsSync(`/proc/${pid}`) || /__EXIT_\d+__/.test(screen())) {
      died = screen();
      break;
    }
    const s = sample(pid);
    samples.push(s);
    // The tour ends after the last scenario: send it back to the first before it does.
    if (s.scenario === lastId && s.t - sentBack > seconds * 1000) {
      tmux('send-keys', '-t', '0', '1');
      sentBack = s.t;
      loops++;
    }
  }
  if (!died) {
    tmux('send-keys', '-t', '0', 'q');
    for (let i = 0; !/__EXIT_\d+__/.test(screen()); i++) {
      if (i > 200) throw new Error('q did not end the app');
      await sleep(50);
    }
    const code = /__EXIT_(\d+)__/.exec(screen())[1];
    console.log(`soak: q ended the app with exit code ${code}`);
  }
} finally {
  killServer(tmux);
}

if (samples.length === 0) {
  console.error('soak: no samples');
  process.exit(1);
}
const t0 = samples[0].t;
const byMinute = new Map();
for (const s of samples) {
  const m = Math.floor((s.t - t0) / 60_000);
  if (!byMinute.has(m)) byMinute.set(m, []);
  byMinute.get(m).push(s);
}
console.log('\nminute  RSS MB (min/median/max)   threads  fds   lag now ms (median/p95/max)   panel max ms');
for (const [m, group] of byMinute) {
  const rss = stats(group.map((s) => s.rssMb));
  const lag = stats(group.map((s) => s.lagMs));
  const panelMax = stats(group.map((s) => s.maxMs));
  const threads = stats(group.map((s) => s.threads));
  const fds = stats(group.map((s) => s.fds));
  console.log(
    `${String(m + 1).padStart(6)}  ${`${f1(rss.min)} / ${f1(rss.median)} / ${f1(rss.max)}`.padEnd(25)}  ${`${threads.median}`.padEnd(7)}  ${`${fds.median}`.padEnd(4)}  ${`${f1(lag.median)} / ${f1(lag.p95)} / ${f1(lag.max)}`.padEnd(28)}  ${f1(panelMax.max)}`,
  );
}
const firstMinute = samples.filter((s) => s.t - t0 < 60_000);
const lastMinute = samples.filter((s) => samples.at(-1).t - s.t < 60_000);
const rssAll = stats(samples.map((s) => s.rssMb));
const lagAll = stats(samples.map((s) => s.lagMs));
console.log(
  `\nRSS: start ${f1(stats(firstMinute.map((s) => s.rssMb)).median)} MB (median of the first minute), ` +
    `end ${f1(stats(lastMinute.map((s) => s.rssMb)).median)} MB (median of the last), max ${f1(rssAll.max)} MB`,
);
console.log(`lag now: median ${f1(lagAll.median)} ms, p95 ${f1(lagAll.p95)} ms, max ${f1(lagAll.max)} ms over ${samples.length} samples; ${loops} full tours`);
if (heapLog && existsSync(heapLog)) {
  const heap = readFileSync(heapLog, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(' ').map(Number));
  rmSync(heapLog, { force: true });
  const perMinute = new Map();
  for (const [t, used] of heap) perMinute.set(Math.floor(t / 60_000), used);
  console.log(`live heap after GC, at the end of each minute (MB): ${[...perMinute.values()].map(f1).join(' ')}`);
  console.log(`live heap after GC: first ${f1(heap[0][1])} MB, last ${f1(heap.at(-1)[1])} MB, max ${f1(Math.max(...heap.map((h) => h[1])))} MB`);
}
if (died) {
  console.error(`soak: the app ended early; the screen:\n${died}`);
  process.exit(1);
}
