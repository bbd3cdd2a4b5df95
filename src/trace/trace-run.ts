import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { constants } from 'node:os';
import { performance } from 'node:perf_hooks';
import { readLines, type Output } from '../observer/agent-process.js';
import type { ObservedEvent } from '../observer/run-client.js';
import type { Action, LoopMirror, RunHandle } from '../observer/run-handle.js';
import { Tracker, type TrackerOptions } from '../runtime/tracker.js';
import type { RunSettings } from '../settings.js';
import { Decoder } from '../stream/codec.js';
import type { ActOutcome, RunEnd, ScenarioInfo, StreamEvent } from '../stream/events.js';
import { tracedEnv } from './command.js';
import { Listener } from './listener.js';
import { TracedProcess } from './traced-process.js';

export interface TraceRunOptions {
  /** capture: the command's stdout and stderr become the run's log; inherit: they are ours (a transcript). */
  readonly output: Output;
  /** Where the loop samples of the process on screen go (the dashboard's gauge). */
  readonly loop?: LoopMirror;
  readonly tracker?: TrackerOptions;
  /** What a saved trace's start line records (--lang). */
  readonly settings: RunSettings;
}

/**
 * Settled entities the screen keeps (the tracker's retention, unless told otherwise): a traced
 * program settles thousands of things a second, and its rows are for what is still going on.
 */
const SETTLED_SHOWN = 100;
/** Silence from the process on screen longer than this is its thread held: a block, going on now. */
const SILENCE_MS = 80;
/** After the command exits, how long its output and its processes' streams may take to close. */
const DRAIN_MS = 1000;
/** How long a command asked to stop (SIGTERM) may take before it is made to (SIGKILL). */
const KILL_AFTER_MS = 500;

/** The line a trace ends with when no process of the command was a Node one. */
export const NO_NODE = 'loopscope: no Node process was seen (the command ran, but nothing reported to the trace)';

/**
 * A command run with the trace probe in every Node process it starts, watched as a run: each
 * process connects to a socket of ours and sends its stream, mirrored into one tracker (see
 * TracedProcess); what the command prints is the run's log (captured) or goes where it would
 * (inherit). Its end is the command's exit; stopping it ends its process group.
 */
export class TraceRun implements RunHandle {
  readonly scenario: ScenarioInfo;
  readonly settings: RunSettings;
  readonly tracker: Tracker;
  readonly done: Promise<RunEnd>;
  readonly #output: Output;
  readonly #loop: LoopMirror | undefined;
  readonly #listener: Listener;
  readonly #processes: TracedProcess[] = [];
  readonly #listeners = new Set<() => void>();
  readonly #eventListeners = new Set<(observed: ObservedEvent) => void>();
  #child: ChildProcess | undefined;
  /** The process whose loop the gauge shows; undefined: the first one's. */
  #shown: TracedProcess | undefined;
  #started = false;
  #result: RunEnd | undefined;
  #stopping: string | undefined;

  constructor(scenario: ScenarioInfo, options: TraceRunOptions) {
    this.scenario = scenario;
    this.settings = options.settings;
    this.tracker = new Tracker({ retention: SETTLED_SHOWN, history: true, ...options.tracker });
    this.#output = options.output;
    this.#loop = options.loop;
    this.#listener = new Listener((socket) => this.#connected(socket));
    this.done = this.#run().then((result) => {
      this.#result = result;
      this.tracker.flush();
      for (const listener of this.#listeners) listener();
      return result;
    });
  }

  /** Every event is told by the time the command's end is. */
  told(): Promise<RunEnd> {
    return this.done;
  }

  get finished(): boolean {
    return this.#result !== undefined || this.#stopping !== undefined;
  }

  get pausedAt(): undefined {
    return undefined;
  }

  /** How many Node processes reported so far. */
  get nodeProcesses(): number {
    return this.#processes.length;
  }

  blockedSince(): number | undefined {
    const shown = this.#gauge();
    if (!shown || this.finished || shown.rec.settleOrder >= 0) return undefined;
    return performance.now() - shown.lastHeard > SILENCE_MS ? shown.lastHeard : undefined;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Calls `listener` with every event, in order, once the mirror has taken it in (`--json`). */
  onEvent(listener: (observed: ObservedEvent) => void): () => void {
    this.#eventListeners.add(listener);
    return () => this.#eventListeners.delete(listener);
  }

  /** Stops reading what the command says (a slow `--json` reader): its processes wait to write. */
  pauseEvents(): void {
    this.#listener.pause();
    this.#child?.stdout?.pause();
    this.#child?.stderr?.pause();
  }

  resumeEvents(): void {
    this.#listener.resume();
    this.#child?.stdout?.resume();
    this.#child?.stderr?.resume();
  }

  /** The ids of the Node processes' entities, in the order they reported. */
  processIds(): readonly string[] {
    return this.#processes.map((p) => p.rec.id);
  }

  /** Shows this process's loop in the gauge (undefined: the first process's), its recent past at once. */
  selectProcess(id: string | undefined): void {
    this.#shown = this.#processes.find((p) => p.rec.id === id);
    const loop = this.#loop;
    if (!loop) return;
    loop.reset();
    for (const s of this.#gauge()?.samples ?? []) loop.sample(s.lagMs, s.p99Ms, s.maxMs, s.utilization, s.blocked, this.tracker.t0 + s.t);
  }

  /** Asks the command to end (SIGTERM), then makes it (SIGKILL), and resolves once it has. */
  async stop(reason: string): Promise<RunEnd> {
    if (this.#result === undefined && this.#stopping === undefined) {
      this.#stopping = reason;
      for (const listener of this.#listeners) listener();
      this.signal('SIGTERM');
      const killer = setTimeout(() => this.signal('SIGKILL'), KILL_AFTER_MS);
      void this.done.finally(() => clearTimeout(killer));
    }
    return this.done;
  }

  setSpeed(): void {
    // A traced program runs at its own pace.
  }

  setStepMode(): void {
    // A traced program has no steps.
  }

  next(): void {
    // A traced program has no steps.
  }

  async act(id: string, _action: Action): Promise<ActOutcome> {
    const rec = this.tracker.find(id);
    return rec ? { outcome: 'notActionable', name: rec.name } : { outcome: 'notFound', id };
  }

  async #run(): Promise<RunEnd> {
    const command = this.scenario.command ?? [];
    const start = performance.now();
    await this.#listener.listen();
    if (this.#stopping !== undefined) return this.#end(start, undefined, null);
    const capture = this.#output === 'capture';
    const child = spawn(command[0]!, command.slice(1), {
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      // Captured, it is the screen's: in a group of its own, ended whole. Inherited, it stays in
      // ours, where the terminal's Ctrl+C reaches it as it would under a shell.
      detached: capture,
      env: tracedEnv(this.#listener.path),
    });
    this.#child = child;
    this.#started = true;
    this.#emit({ event: { kind: 'control', message: { type: 'start', scenario: this.scenario.id, epoch: performance.timeOrigin + this.tracker.t0 } }, entity: undefined });
    if (capture) {
      for (const stream of ['stdout', 'stderr'] as const) readLines(child[stream]!, (text) => this.#log(stream, text));
    }
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
      child.once('error', (error) => resolve({ code: null, signal: null, error }));
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    // Its last words (the output still in the pipes, each process's stream) come after its exit.
    await this.#drained(child);
    if (capture) this.signal('SIGKILL');
    return this.#end(start, exit.code ?? (exit.signal ? 128 + (constants.signals[exit.signal] ?? 0) : 127), exit.signal, exit.error);
  }

  /** Waits, up to DRAIN_MS, for the command's output and every process's stream to close. */
  async #drained(child: ChildProcess): Promise<void> {
    const deadline = performance.now() + DRAIN_MS;
    const closed = new Promise<void>((resolve) => (child.stdout === null ? resolve() : child.once('close', () => resolve())));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, DRAIN_MS)))]);
    clearTimeout(timer);
    while (this.#listener.connected > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  #end(start: number, code: number | undefined, signal: NodeJS.Signals | null, error?: Error): RunEnd {
    this.#listener.close();
    if (this.#started && this.#processes.length === 0) this.#log('stderr', NO_NODE);
    if (error) this.#log('stderr', `loopscope: ${error.message}`);
    const failure = error?.message ?? (signal ? `killed by ${signal}` : code !== 0 && code !== undefined ? `exited with code ${code}` : undefined);
    const stopped = this.#stopping !== undefined;
    const result: RunEnd = {
      scenario: this.scenario.id,
      status: stopped ? 'stopped' : failure ? 'failed' : 'ended',
      ok: stopped || !failure,
      error: stopped ? undefined : failure,
      wallMs: performance.now() - start,
      leaks: [],
      neverAwaited: [],
      total: this.tracker.snapshot().total,
      ...(code === undefined ? {} : { code }),
    };
    this.#emit({ event: { kind: 'control', message: { type: 'end', t: this.tracker.now(), result } }, entity: undefined });
    return result;
  }

  /** A process connected: its first event says who it is; the rest is its stream. */
  #connected(socket: Socket): void {
    const decoder = new Decoder();
    let traced: TracedProcess | undefined;
    socket.on('data', (chunk: Buffer) => {
      const beats = decoder.beats;
      for (const event of decoder.feed(chunk)) {
        if (traced) this.#apply(traced, event);
        else if (event.kind === 'control' && event.message.type === 'hello' && event.message.argv) traced = this.#joined(event);
      }
      // An empty frame is the process's loop turning (its answer to our tick): it is not held.
      if (traced && decoder.beats > beats) traced.lastHeard = performance.now();
    });
    socket.once('close', () => traced?.ended());
  }

  #joined(event: StreamEvent & { kind: 'control' }): TracedProcess {
    const hello = event.message as Extract<typeof event.message, { type: 'hello' }>;
    const parent = this.#processes.find((p) => p.hello.pid === hello.ppid);
    const traced = new TracedProcess(this.tracker, { pid: hello.pid, ppid: hello.ppid, argv: hello.argv ?? [], epoch: hello.epoch }, parent);
    this.#processes.push(traced);
    this.#emit({ event, entity: traced.rec, pid: hello.pid });
    return traced;
  }

  #apply(traced: TracedProcess, event: StreamEvent): void {
    const observed = traced.apply(event);
    const shown = this.#gauge() === traced;
    const e = observed.event;
    if (shown && e.kind === 'loop') this.#loop?.sample(e.lagMs, e.p99Ms, e.maxMs, e.utilization, e.blocked, this.tracker.t0 + e.t);
    if (shown && e.kind === 'mark' && e.mark === 'blocked') this.#loop?.block(this.tracker.t0 + e.start, this.tracker.t0 + e.end);
    this.#emit({ ...observed, pid: traced.hello.pid });
  }

  #gauge(): TracedProcess | undefined {
    return this.#shown ?? this.#processes[0];
  }

  #log(stream: 'stdout' | 'stderr', text: string): void {
    const t = this.tracker.now();
    this.tracker.log(stream, text, t);
    this.#emit({ event: { kind: 'log', stream, text, t }, entity: undefined });
  }

  #emit(observed: ObservedEvent): void {
    for (const listener of this.#eventListeners) listener(observed);
  }

  /** Passes a signal on to the command: to its whole group when it has one of its own. */
  signal(signal: NodeJS.Signals): void {
    const pid = this.#child?.pid;
    if (pid === undefined) return;
    try {
      if (this.#output === 'capture') process.kill(-pid, signal);
      else this.#child!.kill(signal);
    } catch {
      // Gone already.
    }
  }
}
