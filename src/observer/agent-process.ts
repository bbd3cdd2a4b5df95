import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { Readable, Writable } from 'node:stream';
import { packageFile } from '../paths.js';
import { Decoder } from '../stream/codec.js';
import type { Command, StreamEvent } from '../stream/events.js';

/** How the run's process is given its stdout and stderr. */
export type Output =
  /** Its own pipes: what it prints becomes the run's log (the dashboard, --json). */
  | 'capture'
  /** The watcher's own: what it prints goes where plain node's would (a transcript). */
  | 'inherit';

/** How long a process asked to stop may take before it is told to (SIGTERM), then made to (SIGKILL). */
const TERM_AFTER_MS = 120;
const KILL_AFTER_MS = 100;

/** The bundle a run's process starts from (built with the CLI; see scripts/build.mjs). */
export function agentEntry(): string {
  return packageFile('dist/agent.js').pathname;
}

/**
 * A run's own process, seen from the watcher: `node dist/agent.js` in a process group of its own,
 * its events read from fd 3 and its commands written to fd 4. It emits `event` for each stream
 * event and `exit` once gone; `onRaw` hears what it wrote around the agent's capture (a fatal
 * error Node prints itself). Ending it ends its whole group, so nothing
 * the program started (a child process, a `sleep 300`) outlives it.
 */
export class AgentProcess extends EventEmitter {
  readonly child: ChildProcess;
  /** performance.now() when the process's loop was last heard turning: its heartbeat. */
  lastHeard = performance.now();
  #exited = false;
  /** Reading is paused by whoever reads the events (pauseEvents). */
  #held = false;
  /** Reading waits for the loop to turn once (#yieldTurn). */
  #yielding = false;
  /** The process is being killed: what it still sends is read and dropped (#drain). */
  #draining = false;
  #rawListener: ((stream: 'stdout' | 'stderr', text: string) => void) | undefined;
  readonly #early: ['stdout' | 'stderr', string][] = [];
  readonly #gone: Promise<void>;
  readonly #events: Readable;
  readonly #commands: Writable;

  constructor(output: Output, env: NodeJS.ProcessEnv = process.env) {
    super();
    const stdio = output === 'capture' ? ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'] : ['inherit', 'inherit', 'inherit', 'pipe', 'pipe'];
    this.child = spawn(process.execPath, [agentEntry()], { stdio: stdio as never, detached: true, env });
    this.#events = this.child.stdio[3] as Readable;
    this.#commands = this.child.stdio[4] as Writable;
    const decoder = new Decoder();
    this.#events.on('data', (chunk: Buffer) => {
      if (this.#draining) return;
      const beats = decoder.beats;
      for (const event of decoder.feed(chunk)) this.emit('event', event as StreamEvent);
      if (decoder.beats > beats) this.lastHeard = performance.now();
      this.#yieldTurn();
    });
    // A command to a process that just died has nowhere to go: that is told by `exit`.
    this.#commands.on('error', () => undefined);
    this.#events.on('error', () => undefined);
    if (output === 'capture') {
      for (const name of ['stdout', 'stderr'] as const) readLines(this.child[name]!, (text) => this.#raw(name, text));
    }
    this.#gone = new Promise((resolve) => {
      this.child.once('error', () => resolve());
      // 'close': the events pipe is drained too, so every event came before this.
      this.child.once('close', (code, signal) => {
        this.#exited = true;
        this.emit('exit', code, signal);
        resolve();
      });
    });
  }

  get exited(): boolean {
    return this.#exited;
  }

  /**
   * Calls `listener` for each line the process wrote around the agent's capture, those written
   * before this was called included (a module printing as it loads, before its run is watched).
   */
  onRaw(listener: (stream: 'stdout' | 'stderr', text: string) => void): void {
    this.#rawListener = listener;
    for (const [stream, text] of this.#early.splice(0)) listener(stream, text);
  }

  #raw(stream: 'stdout' | 'stderr', text: string): void {
    if (this.#rawListener) this.#rawListener(stream, text);
    else this.#early.push([stream, text]);
  }

  /** Resolves once the process is gone and its events are all read. */
  gone(): Promise<void> {
    return this.#gone;
  }

  send(command: Command): void {
    if (this.#exited || this.#commands.destroyed) return;
    this.#commands.write(`${JSON.stringify(command)}\n`);
  }

  /** Stops reading events (a slow reader): the process waits, its writes held by the full pipe. */
  pauseEvents(): void {
    this.#held = true;
    this.#events.pause();
  }

  resumeEvents(): void {
    this.#held = false;
    if (!this.#yielding) this.#events.resume();
  }

  /**
   * From now on reads the events pipe to its end without decoding it: a process being killed
   * says nothing more worth showing (it will not say how its run ended), and it is gone only once
   * its pipes are drained. A flood still under way would otherwise be decoded to the last byte.
   */
  #drain(): void {
    this.#draining = true;
    this.#held = false;
    this.#events.resume();
  }

  /**
   * Reads no more events until the loop has turned once. A run that floods its events (an
   * endless chain of jobs, each settling a future) writes as fast as they are read, and libuv
   * reads a pipe chunk after chunk while it has data: keys, frames and the timers of a stop
   * would wait behind hundreds of ms of events. Its writes wait on the full pipe meanwhile, so
   * nothing is lost.
   */
  #yieldTurn(): void {
    if (this.#yielding) return;
    this.#yielding = true;
    this.#events.pause();
    setImmediate(() => {
      this.#yielding = false;
      if (!this.#held) this.#events.resume();
    });
  }

  /**
   * Ends the process and its group: asks (the command `stop`), then tells (SIGTERM), then makes
   * it (SIGKILL), each after a short wait, and resolves once it is gone. Without `ask`, it is
   * told at once: a program that holds its thread (`for (;;) {}`) cannot hear the asking, and a
   * process that runs nothing has nothing to wind down.
   */
  async end(reason: string, { ask = true } = {}): Promise<void> {
    if (!this.#exited) {
      this.send({ type: 'stop', reason });
      if (!ask || !(await this.#within(TERM_AFTER_MS))) {
        this.#drain();
        this.signalGroup('SIGTERM');
        if (!(await this.#within(KILL_AFTER_MS))) this.signalGroup('SIGKILL');
      }
      await this.#gone;
    }
    // The process is gone; what it started may not be.
    this.signalGroup('SIGKILL');
  }

  /** Sends a signal to the process's whole group. */
  signalGroup(signal: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is empty already.
    }
  }

  /** True if the process is gone within `ms`. */
  #within(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      void this.#gone.then(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

/** Calls `line` for each line read from `stream` (the last one even without its newline). */
export function readLines(stream: Readable, line: (text: string) => void): void {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const text of lines) line(text);
  });
  stream.on('end', () => {
    if (rest !== '') line(rest);
    rest = '';
  });
  stream.on('error', () => undefined);
}
