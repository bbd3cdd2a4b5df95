// Loaded into loopscope's processes with NODE_OPTIONS=--import (bundled by bench/probe.ts): notes
// what the dashboard figures time, as JSON lines appended to $LOOPSCOPE_BENCH_LOG, each stamped
// with process.hrtime (CLOCK_MONOTONIC, the same clock in every process of the machine, so the
// dashboard's stamps, the run's and the bench's own compare). src/ is left as it is: the hook
// wraps what the dashboard process reads and writes from outside.
//
// In every process: `up`, the hook loaded (with the ms since the process's time origin), and `exit`.
// In the dashboard process (bin/loopscope.js):
// - `key`: a chunk of stdin as the process reads it (a key press reaching loopscope);
// - `frame`: the end of a frame written (Ink closes each frame's synchronised update with ESU);
// - `spawn`: a run's process started (`node dist/agent.js`), and how long spawn() held the thread;
// - `command`: a command sent to a run's process;
// - `start` and `first`: a run's `start` message, and its first entity or state event after it,
//   as the events pipe delivers them (decoded as the dashboard decodes them, until that first one);
// In a run's process (dist/agent.js):
// - `got-run`: the `run` command read from the commands pipe;
// - `sent-start`: the write of the events that hold its `start` message.
// The bench's workloads note what the program does themselves (workloads/note.ts).
import childProcess, { type ChildProcess } from 'node:child_process';
import fs, { appendFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { syncBuiltinESMExports } from 'node:module';
import type { Readable, Writable } from 'node:stream';
import { Decoder } from '../../src/stream/codec.js';

const LOG = process.env.LOOPSCOPE_BENCH_LOG;
/** Ink ends each frame with this write (end of synchronised update). */
const FRAME_END = '\u001B[?2026l';
const role = process.argv[1]?.endsWith('agent.js') ? 'run' : process.argv[1]?.endsWith('loopscope.js') ? 'dashboard' : undefined;

function note(ev: string, fields: Record<string, unknown> = {}): void {
  const t = Number(process.hrtime.bigint()) / 1e6;
  appendFileSync(LOG!, `${JSON.stringify({ t, pid: process.pid, role, ev, ...fields })}\n`);
}

if (LOG && role) {
  // How long Node took to get here since the process began (performance's time origin).
  note('up', { sinceStart: performance.now() });
  process.on('exit', (code) => note('exit', { code }));
  if (role === 'dashboard') watchDashboard();
  else watchRun();
}

function watchDashboard(): void {
  // Every chunk the terminal hands in goes through push (net.Socket's read path).
  const stdin = process.stdin;
  const push = stdin.push;
  stdin.push = function (chunk: unknown, encoding?: BufferEncoding) {
    if (chunk !== null) note('key', { text: Buffer.isBuffer(chunk) ? chunk.toString('latin1') : String(chunk) });
    return push.call(this, chunk, encoding);
  };
  const stdout = process.stdout;
  const write = stdout.write;
  stdout.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    const result = (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    if (chunk === FRAME_END) note('frame');
    return result;
  } as typeof stdout.write;

  // The bundle imports spawn from node:child_process: the builtin's exports, synced, are what it gets.
  const spawn = childProcess.spawn;
  childProcess.spawn = function (this: unknown, ...args: unknown[]) {
    const before = process.hrtime.bigint();
    const child = (spawn as (...a: unknown[]) => ChildProcess).apply(this, args);
    const command = args[1];
    // The spawn itself blocks the dashboard's thread (a fork of the whole process): how long, too.
    if (Array.isArray(command) && String(command[0]).endsWith('agent.js')) followRun(child, Number(process.hrtime.bigint() - before) / 1e6);
    return child;
  } as typeof childProcess.spawn;
  syncBuiltinESMExports();
}

function followRun(child: ChildProcess, spawnMs: number): void {
  const pid = child.pid;
  note('spawn', { child: pid, ms: spawnMs });
  const commands = child.stdio[4] as Writable | null;
  if (commands) {
    const write = commands.write;
    commands.write = function (this: Writable, chunk: unknown, ...rest: unknown[]) {
      const type = /"type":"([a-z-]+)"/.exec(String(chunk))?.[1];
      note('command', { child: pid, type });
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof commands.write;
  }
  const events = child.stdio[3] as Readable | null;
  if (!events) return;
  const decoder = new Decoder();
  let started = false;
  const onData = (chunk: Buffer) => {
    for (const event of decoder.feed(chunk)) {
      if (event.kind === 'control' && event.message.type === 'start') {
        started = true;
        note('start', { child: pid });
      } else if (started && (event.kind === 'entity' || event.kind === 'state')) {
        note('first', { child: pid, event: event.kind });
        events.off('data', onData);
        return;
      }
    }
  };
  // Before the dashboard's own listener (it is added once spawn returns): the same moment.
  events.on('data', onData);
}

/** Fd of the events pipe in a run's process (src/agent/main.ts). */
const EVENTS_FD = 3;

function watchRun(): void {
  // Commands arrive on a socket over fd 4; a run command is one short JSON line.
  const push = Socket.prototype.push;
  let gotRun = false;
  Socket.prototype.push = function (this: Socket, chunk: unknown, encoding?: BufferEncoding) {
    if (!gotRun && Buffer.isBuffer(chunk) && chunk.length < 65_536 && chunk.includes('"type":"run"')) {
      gotRun = true;
      note('got-run');
    }
    return push.call(this, chunk, encoding);
  };
  // The agent sends its events with fs.writeSync on fd 3: the one that carries `start` is looked
  // for, and no write is looked into once it is found.
  const writeSync = fs.writeSync;
  let sentStart = false;
  fs.writeSync = function (fd: number, buffer: unknown, ...rest: unknown[]) {
    const written = (writeSync as (...args: unknown[]) => number)(fd, buffer, ...rest);
    if (!sentStart && fd === EVENTS_FD && Buffer.isBuffer(buffer) && buffer.includes('"type":"start"')) {
      sentStart = true;
      note('sent-start');
    }
    return written;
  } as typeof fs.writeSync;
  syncBuiltinESMExports();
}
