import { performance } from 'node:perf_hooks';
import { Tracker, type EntityRecord, type TrackerOptions } from '../runtime/tracker.js';
import type { RunSettings } from '../settings.js';
import type { ActOutcome, ControlMessage, RunEnd, ScenarioInfo, StreamEvent } from '../stream/events.js';
import { AgentProcess, type Output } from './agent-process.js';
import type { Action, LoopMirror, RunHandle } from './run-handle.js';

/** Silence from a running program longer than this is its thread held: a block, going on now. */
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
  readonly tracker: Tracker;
  readonly done: Promise<RunEnd>;
  readonly process: AgentProcess;
  readonly #loop: LoopMirror | undefined;
  readonly #listeners = new Set<() => void>();
  readonly #eventListeners = new Set<(observed: ObservedEvent) => void>();
  readonly #requests = new Map<number, (outcome: ActOutcome) => void>();
  /** Every entity by seq while it lives here (settled ones fold away as the tracker folds them). */
  readonly #bySeq = new Map<number, EntityRecord>();
  #resolveDone!: (result: RunEnd) => void;
  #started = false;
  #startedAt = 0;
  #result: RunEnd | undefined;
  #stopping: string | undefined;
  #pausedAt: string | undefined;
  #fault: string | undefined;
  #exitCode: number | undefined;
  #request = 0;
  #outputFailed = false;

  constructor(options: RunClientOptions) {
    this.scenario = options.scenario;
    this.tracker = new Tracker(options.tracker);
    this.#loop = options.loop;
    this.done = new Promise((resolve) => (this.#resolveDone = resolve));
    this.process = options.process ?? new AgentProcess(options.output);
    this.process.on('event', (event: StreamEvent) => this.#apply(event));
    this.process.onRaw((stream, text) => this.tracker.log(stream, text));
    this.process.once('exit', (code: number | null, signal: string | null) => this.#exited(code, signal));
    if (options.stepMode) this.process.send({ type: 'step-mode', on: true });
    const file = options.scenario.file;
    this.process.send({ type: 'run', scenario: options.scenario.id, ...(file ? { file } : {}), settings: options.settings, capture: options.output === 'capture', interactive: options.settings.interactive });
  }

  get finished(): boolean {
    return this.#result !== undefined || this.#stopping !== undefined;
  }

  get pausedAt(): string | undefined {
    return this.#pausedAt;
  }

  /** True when the run's process could not write its transcript (it said why, and ended). */
  get outputFailed(): boolean {
    return this.#outputFailed;
  }

  blockedSince(): number | undefined {
    if (!this.#started || this.#result !== undefined || this.#pausedAt !== undefined) return undefined;
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
  pauseEvents(): void {
    this.process.pauseEvents();
  }

  resumeEvents(): void {
    this.process.resumeEvents();
  }

  /** Stops the run: its process is asked, then told, then made to end (see AgentProcess.end). */
  async stop(reason: string): Promise<RunEnd> {
    if (this.#result === undefined) {
      this.#stopping ??= reason;
      this.#emit();
      await this.process.end(reason);
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
    let entity: EntityRecord | undefined;
    switch (event.kind) {
      case 'entity':
        entity = this.tracker.mirrorEntity(event.seq, event.entity, event.naming, event.state, event.us, event.parent, event.detail);
        this.#bySeq.set(event.seq, entity);
        break;
      case 'state':
        entity = this.#bySeq.get(event.seq);
        if (entity) {
          this.tracker.mirrorState(entity, event.state, event.us, event.text);
          if (entity.settleOrder >= 0) this.#bySeq.delete(event.seq);
        }
        break;
      case 'named':
        entity = this.#bySeq.get(event.seq);
        if (entity) {
          if (entity.name !== event.name) this.tracker.rename(entity, event.name);
          if (event.detail !== undefined && entity.detail !== event.detail) this.tracker.describe(entity, event.detail);
        }
        break;
      case 'log':
        this.tracker.log(event.stream, event.text, event.t);
        break;
      case 'step':
        this.tracker.step(event.label, event.line, event.t);
        break;
      case 'mark':
        this.tracker.mark(event.mark, event.start, event.end);
        if (event.mark === 'blocked') this.#loop?.block(this.tracker.t0 + event.start, this.tracker.t0 + event.end);
        break;
      case 'tally':
        this.tracker.tally(event.entity, event.state, event.count);
        break;
      case 'loop':
        this.#loop?.sample(event.lagMs, event.p99Ms, event.maxMs, event.utilization, event.blocked, this.tracker.t0 + event.t);
        break;
      case 'control':
        this.#control(event.message);
        break;
    }
    for (const listener of this.#eventListeners) listener({ event, entity });
  }

  #control(message: ControlMessage): void {
    switch (message.type) {
      case 'start':
        // The run's t = 0, on this process's clock: both read the same wall clock.
        this.tracker.rebase(message.epoch - performance.timeOrigin);
        this.#started = true;
        this.#startedAt = performance.now();
        this.#loop?.reset();
        break;
      case 'paused':
        this.#pausedAt = message.label;
        this.#emit();
        break;
      case 'resumed':
        this.#pausedAt = undefined;
        this.#emit();
        break;
      case 'acted':
        this.#requests.get(message.request)?.(message.outcome);
        this.#requests.delete(message.request);
        break;
      case 'fault':
        this.#fault ??= message.text;
        break;
      case 'exit':
        this.#exitCode = message.code;
        break;
      case 'end':
        this.#finish(message.result);
        break;
      case 'load-error':
        this.tracker.log('stderr', message.message);
        this.#fault ??= message.message;
        break;
      case 'output-failed':
        this.#outputFailed = true;
        break;
      case 'hello':
      case 'loaded':
        break;
    }
  }

  /** The process is gone: a run that did not say how it ended ended as the process did. */
  #exited(code: number | null, signal: string | null): void {
    if (this.#result === undefined) {
      const exit = this.#exitCode ?? code;
      const how = this.#stopping !== undefined ? undefined : exit !== null ? (exit === 0 ? undefined : `exited with code ${exit}`) : `killed by ${signal}`;
      // The program ended its own process (process.exit): the console says so, as a shell would.
      if (this.#exitCode !== undefined && this.#stopping === undefined) this.tracker.log('stderr', `process exited with code ${this.#exitCode}`);
      const error = this.#stopping !== undefined ? undefined : (this.#fault ?? how);
      this.#finish({
        scenario: this.scenario.id,
        status: this.#stopping !== undefined ? 'stopped' : error ? 'failed' : 'ended',
        ok: this.#stopping !== undefined || !error,
        error,
        wallMs: this.#started ? performance.now() - this.#startedAt : 0,
        leaks: [],
        neverAwaited: [],
        total: this.tracker.snapshot().total,
      });
    }
    // What the program started may outlive its process: the group goes too.
    this.process.signalGroup('SIGKILL');
    for (const resolve of this.#requests.values()) resolve({ outcome: 'notFound', id: '' });
    this.#requests.clear();
  }

  #finish(result: RunEnd): void {
    if (this.#result !== undefined) return;
    this.#result = result;
    this.#pausedAt = undefined;
    this.tracker.flush();
    this.#resolveDone(result);
    this.#emit();
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
