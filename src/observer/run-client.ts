import { performance } from 'node:perf_hooks';
import type { EntityRecord, Tracker, TrackerOptions } from '../runtime/tracker.js';
import type { RunSettings } from '../settings.js';
import type { ActOutcome, ControlMessage, RunEnd, ScenarioInfo, StreamEvent } from '../stream/events.js';
import { AgentProcess, type Output } from './agent-process.js';
import type { Action, LoopMirror, RunHandle } from './run-handle.js';
import { StreamMirror } from './stream-mirror.js';

/**
 * No heartbeat (a turn of its loop) from a running program for longer than this is its thread held:
 * a block, going on now, whatever else it sends meanwhile (an endless chain of jobs floods events).
 */
const SILENCE_MS = 80;

/**
 * An event as a consumer of the stream gets it, with the mirrored entity it was about, and for a
 * traced command the pid of the process it came from.
 */
export type ObservedEvent = { readonly event: StreamEvent; readonly entity: EntityRecord | undefined; readonly pid?: number };

export interface RunClientOptions {
  readonly scenario: ScenarioInfo;
  readonly settings: RunSettings;
  readonly output: Output;
  readonly stepMode?: boolean;
  /** A process started ahead (a spare), or undefined to start one now. */
  readonly process?: AgentProcess;
  /** Where the run's loop samples go (the dashboard's gauge). */
  readonly loop?: LoopMirror;
  /** How the mirror keeps what the run did (retention, log lines). */
  readonly tracker?: TrackerOptions;
}

/**
 * A run in its own process, watched: its events rebuild the run's tracker here (the same
 * snapshots the screen always read), its silence tells a block while it lasts, and the keys'
 * commands go the other way. Stopping it ends its process group.
 */
export class RunClient implements RunHandle {
  readonly scenario: ScenarioInfo;
  /** What the run was asked to run with (a saved stream records them). */
  readonly settings: RunSettings;
  readonly done: Promise<RunEnd>;
  readonly process: AgentProcess;
  readonly #mirror: StreamMirror;
  readonly #loop: LoopMirror | undefined;
  readonly #listeners = new Set<() => void>();
  readonly #eventListeners = new Set<(observed: ObservedEvent) => void>();
  readonly #requests = new Map<number, (outcome: ActOutcome) => void>();
  #resolveDone!: (result: RunEnd) => void;
  #started = false;
  #startedAt = 0;
  #result: RunEnd | undefined;
  #stopping: string | undefined;
  #request = 0;
  #outputFailed = false;

  constructor(options: RunClientOptions) {
    this.scenario = options.scenario;
    this.settings = options.settings;
    this.#mirror = new StreamMirror({ history: true, ...options.tracker }, () => this.#gauge());
    this.#loop = options.loop;
    this.done = new Promise((resolve) => (this.#resolveDone = resolve));
    this.process = options.process ?? new AgentProcess(options.output);
    this.process.on('event', (event: StreamEvent) => this.#apply(event));
    // What the process wrote around the agent's capture (a fatal error Node prints itself) is
    // the program's output too: a line of the stream, for the screen and for --json / --save.
    this.process.onRaw((stream, text) => this.#apply({ kind: 'log', stream, text, t: this.tracker.now() }));
    this.process.once('exit', (code: number | null, signal: string | null) => this.#exited(code, signal));
    if (options.stepMode) this.process.send({ type: 'step-mode', on: true });
    const file = options.scenario.file;
    this.process.send({ type: 'run', scenario: options.scenario.id, ...(file ? { file } : {}), settings: options.settings, capture: options.output === 'capture', interactive: options.settings.interactive });
  }

  get tracker(): Tracker {
    return this.#mirror.tracker;
  }

  get finished(): boolean {
    return this.#result !== undefined || this.#stopping !== undefined;
  }

  get pausedAt(): string | undefined {
    return this.#result === undefined ? this.#mirror.pausedAt : undefined;
  }

  /** True when the run's process could not write its transcript (it said why, and ended). */
  get outputFailed(): boolean {
    return this.#outputFailed;
  }

  blockedSince(): number | undefined {
    if (!this.#started || this.#result !== undefined || this.pausedAt !== undefined) return undefined;
    const heard = this.process.lastHeard;
    return performance.now() - heard > SILENCE_MS ? heard : undefined;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Calls `listener` with every event, in order, once the mirror has taken it in (`--json`, `--save`). */
  onEvent(listener: (observed: ObservedEvent) => void): () => void {
    this.#eventListeners.add(listener);
    return () => this.#eventListeners.delete(listener);
  }

  /** Stops reading the run's events (a slow reader): its process waits, its writes held by the full pipe. */
  /** Every event is told before the process is gone, its end included. */
  told(): Promise<void> {
    return this.process.gone();
  }

  pauseEvents(): void {
    this.process.pauseEvents();
  }

  resumeEvents(): void {
    this.process.resumeEvents();
  }

  /**
   * Stops the run: its process is asked, then told, then made to end (see AgentProcess.end); one
   * whose thread is held now cannot hear the asking, and is told at once.
   */
  async stop(reason: string): Promise<RunEnd> {
    if (this.#result === undefined) {
      const ask = this.blockedSince() === undefined;
      this.#stopping ??= reason;
      this.#emit();
      await this.process.end(reason, { ask });
    }
    return this.done;
  }

  setSpeed(speed: number): void {
    this.process.send({ type: 'speed', speed });
  }

  setStepMode(on: boolean): void {
    this.process.send({ type: 'step-mode', on });
  }

  next(): void {
    this.process.send({ type: 'next' });
  }

  act(id: string, action: Action): Promise<ActOutcome> {
    const request = ++this.#request;
    return new Promise((resolve) => {
      this.#requests.set(request, resolve);
      this.process.send({ type: 'act', request, id, action });
    });
  }

  #apply(event: StreamEvent): void {
    const entity = this.#mirror.apply(event);
    if (event.kind === 'control') this.#control(event.message);
    for (const listener of this.#eventListeners) listener({ event, entity });
  }

  #control(message: ControlMessage): void {
    switch (message.type) {
      case 'start':
        // The run's t = 0, on this process's clock: both read the same wall clock.
        this.tracker.rebase(message.epoch - performance.timeOrigin);
        this.#started = true;
        this.#startedAt = performance.now();
        // A spare process waited idle, its last heartbeat long past: its run starts now, not blocked.
        this.process.lastHeard = this.#startedAt;
        this.#gauge()?.reset();
        break;
      case 'paused':
      case 'resumed':
        this.#emit();
        break;
      case 'acted':
        this.#requests.get(message.request)?.(message.outcome);
        this.#requests.delete(message.request);
        break;
      case 'end':
        this.#finish(message.result);
        break;
      case 'output-failed':
        this.#outputFailed = true;
        break;
      case 'fault':
      case 'exit':
      case 'load-error':
      case 'hello':
      case 'loaded':
        break;
    }
  }

  /**
   * The process is gone: a run that did not say how it ended ended as the process did, and that
   * end goes to the listeners as if the run had said it (a saved stream ends every run).
   */
  #exited(code: number | null, signal: string | null): void {
    if (this.#result === undefined) {
      const { exitCode, fault } = this.#mirror;
      const stopping = this.#stopping !== undefined;
      const exit = exitCode ?? code;
      const how = stopping ? undefined : exit !== null ? (exit === 0 ? undefined : `exited with code ${exit}`) : `killed by ${signal}`;
      const error = stopping ? undefined : (fault ?? how);
      const result: RunEnd = {
        scenario: this.scenario.id,
        status: stopping ? 'stopped' : error ? 'failed' : 'ended',
        ok: stopping || !error,
        error,
        wallMs: this.#started ? performance.now() - this.#startedAt : 0,
        leaks: [],
        neverAwaited: [],
        total: this.tracker.snapshot().total,
      };
      this.#apply({ kind: 'control', message: { type: 'end', t: this.tracker.now(), result } });
    }
    // What the program started may outlive its process: the group goes too.
    this.process.signalGroup('SIGKILL');
    for (const resolve of this.#requests.values()) resolve({ outcome: 'notFound', id: '' });
    this.#requests.clear();
  }

  #finish(result: RunEnd): void {
    if (this.#result !== undefined) return;
    this.#result = result;
    this.tracker.flush();
    this.#resolveDone(result);
    this.#emit();
  }

  /**
   * The loop gauge, while this run is the one it shows: a run asked to stop (another took the
   * screen) keeps running for a while, and its blocks and lag are not the next run's.
   */
  #gauge(): LoopMirror | undefined {
    return this.#stopping === undefined ? this.#loop : undefined;
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
