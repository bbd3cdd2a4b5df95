import { performance } from 'node:perf_hooks';
import { captureConsole } from './console-capture.js';
import { createContext, type Ctx } from './context.js';
import { CoroutineObject } from '../runtime/coroutine.js';
import { CancelledError, errorText, thrownText } from '../runtime/errors.js';
import { BaseFuture, errorNeverRead, Future } from '../runtime/future.js';
import type { LoopMonitor } from '../runtime/loop-monitor.js';
import type { Stoppable } from '../runtime/processes.js';
import { Runtime } from '../runtime/runtime.js';
import { Task } from '../runtime/task.js';
import { Tracker, type TrackerOptions } from '../runtime/tracker.js';
import { stepLines, type LoadedScenario, type Localized } from '../scenario.js';
import { Stepper } from './stepper.js';
import { summarize } from '../text/format.js';
import { DEFAULT_SETTINGS, type RunSettings } from '../settings.js';
import type { ActOutcome, RunEnd } from '../stream/events.js';

export interface RunOptions {
  /** Speed, language, scale and whether a person answers; the defaults when not given. */
  readonly settings?: RunSettings;
  readonly stepper?: StepGate;
  /**
   * Take the program's console lines as the run's log (on by default). Off in a run's own process,
   * whose agent takes every write to stdout and stderr instead.
   */
  readonly captureConsole?: boolean;
  /**
   * Contain the program's uncaught errors as the run's faults (on by default, for a run sharing
   * its process). Off in a run's own process: an uncaught error there does what it does under
   * plain node, and `onFault` only hears of it.
   */
  readonly containFaults?: boolean;
  /**
   * Handles the process holds that are not the program's, by type (`PipeWrap`): the streams of
   * stdout and stderr, which a print makes (lazily, as under plain node) during the run.
   */
  readonly ownResources?: () => readonly string[];
  /** Told of each uncaught error of the program (its text), as it happens. */
  readonly onFault?: (text: string) => void;
  /** Also marks blocks this monitor sees (CPU loops, not only blockFor) on the run's timeline. */
  readonly monitor?: LoopMonitor;
  /** How long cancelled work may take to wind down before it is abandoned. */
  readonly stopTimeoutMs?: number;
  /** Extra wait before counting leftovers (lets a screen drop its own per-row timers). */
  readonly settleMs?: number;
  /**
   * After the run's main returns, how long to wait for the timers, sockets and callbacks it
   * scheduled (a plain Node script lives until they are done); what is still alive then is a leak.
   */
  readonly lingerMs?: number;
  readonly tracker?: TrackerOptions;
}

/** How a run ended. */
export type RunResult = RunEnd;

/** What a person can do to a selected entity. */
export type Action = 'cancel' | 'resolve' | 'reject';

/** Where a run waits at a step (`ctx.step`) in step mode: a Stepper, or the agent's freeze. */
export interface StepGate {
  enabled: boolean;
  /** The step it waits at, if it does. */
  readonly pausedAt: string | undefined;
  /** At a step: a promise to wait for, or undefined to go on (at once, or after a freeze). */
  wait(label: string): Promise<void> | undefined;
  /** Lets a waiting step go on. */
  next(): void;
}

/** What the run says itself, in its language: the values a key gives, and its notes in the console. */
const en = {
  cancelled: 'cancelled by you',
  set: 'set by you',
  leftAlive: (what: string) => `left alive after the run: ${what}`,
  lingering: (what: string, seconds: number) => `waiting for what the run left scheduled (${what}), up to ${seconds} s`,
};
const WORDS: Localized<typeof en> = {
  en,
  es: {
    cancelled: 'cancelado por ti',
    set: 'puesto por ti',
    leftAlive: (what) => `quedó vivo tras la ejecución: ${what}`,
    lingering: (what, seconds) => `esperando a lo que la ejecución dejó programado (${what}), hasta ${seconds} s`,
  },
};

/**
 * One run of one scenario on the real loop: a fresh tracker, console capture, a start from a
 * fresh macrotask, and a stop that cancels what is left, waits for it, and counts leftovers.
 */
export class Run {
  readonly tracker: Tracker;
  readonly runtime: Runtime;
  readonly ctx: Ctx;
  readonly stepper: StepGate;
  readonly done: Promise<RunResult>;
  readonly #scenario: LoadedScenario;
  readonly #options: RunOptions;
  readonly #controller = new AbortController();
  readonly #resources: Stoppable[] = [];
  readonly #lines: Map<string, number>;
  #root: Task<void> | undefined;
  #resolveDone!: (result: RunResult) => void;
  #finishing = false;
  #resolved = false;
  #stopped = false;
  #faults: string[] = [];
  #startedAt = 0;
  #endedAt: number | undefined;
  #cleanup: (() => void)[] = [];
  #baseline: Map<string, number> | undefined;

  constructor(scenario: LoadedScenario, options: RunOptions = {}) {
    this.#scenario = scenario;
    this.#options = options;
    this.tracker = new Tracker(options.tracker);
    const settings = options.settings ?? DEFAULT_SETTINGS;
    this.runtime = new Runtime(this.tracker, settings.speed);
    this.stepper = options.stepper ?? new Stepper();
    this.#lines = stepLines(scenario.source);
    this.ctx = createContext({
      runtime: this.runtime,
      signal: this.#controller.signal,
      settings,
      step: (label) => this.#step(label),
      adopt: (resource) => this.#resources.push(resource),
    });
    this.done = new Promise((resolve) => (this.#resolveDone = resolve));
  }

  get scenario(): LoadedScenario {
    return this.#scenario;
  }

  get finished(): boolean {
    return this.#finishing;
  }

  /** Starts the run from a fresh macrotask, as a plain script run from a timer callback would. */
  start(): this {
    const baseline = activeResources(this.#own());
    this.#baseline = baseline;
    if (this.#options.captureConsole !== false) this.#cleanup.push(captureConsole((stream, text) => this.tracker.log(stream, text)));
    if (this.#options.containFaults !== false) this.#containFaults();
    else this.#observeFaults();
    const monitor = this.#options.monitor;
    if (monitor) {
      this.#cleanup.push(
        monitor.onBlock((start, end) => {
          const t0 = this.tracker.t0;
          if (!this.#overlapsMark(start - t0, end - t0)) this.tracker.mark('blocked', start - t0, end - t0);
        }),
      );
    }
    setTimeout(() => {
      this.#startedAt = performance.now();
      if (this.#stopped) {
        void this.#finish(baseline);
        return;
      }
      const root = new Task<void>(this.tracker, () => this.#scenario.run(this.ctx), { coro: 'main', eager: true });
      this.#root = root;
      root.asPromise().then(
        () => this.#finish(baseline),
        () => this.#finish(baseline),
      );
    }, START_DELAY_MS);
    return this;
  }

  /** Cancels the run (if still going) and resolves once everything it started is gone. */
  stop(reason = 'stopped'): Promise<RunResult> {
    if (!this.#resolved) {
      this.#stopped = true;
      this.stepper.next();
      this.#root?.cancel(reason);
      // Sleeps the cancel cannot reach (code resumed from a plain await) end with the run too.
      this.runtime.clock.stop(reason);
      // ctx.signal: lets scenario code waiting on things the runtime cannot interrupt (a worker's
      // message, a socket) give up at once.
      this.#controller.abort(new CancelledError(reason));
      // A body may ignore the cancel; finishing does not wait for it beyond the stop timeout.
      if (this.#root && this.#baseline) void this.#finish(this.#baseline);
    }
    return this.done;
  }

  setSpeed(speed: number): void {
    this.runtime.clock.speed = speed;
  }

  /** A key's action on one entity: what happened, or why nothing did (the screen words it). */
  act(id: string, action: Action): ActOutcome {
    const rec = this.tracker.find(id);
    if (!rec) return { outcome: 'notFound', id };
    const { name, state, handle } = rec;
    if (!(handle instanceof Future)) return { outcome: 'notActionable', name };
    if (handle.done()) return { outcome: 'alreadyDone', name, state };
    const byYou = WORDS[this.ctx.lang];
    if (action === 'cancel') {
      handle.cancel(byYou.cancelled);
      return { outcome: 'cancelRequested', name };
    }
    if (handle instanceof Task) return { outcome: 'onlyBody', name };
    if (action === 'resolve') handle.setResult(byYou.set);
    else handle.setException(new Error(byYou.set));
    return { outcome: action === 'resolve' ? 'resolvedByYou' : 'rejectedByYou', name };
  }

  #step(label: string): Promise<void> | undefined {
    this.tracker.step(label, this.#lines.get(label));
    // A stopped run goes on to its end without pausing: the stepper now serves the next run.
    if (this.#stopped) return undefined;
    const wait = this.stepper.wait(label);
    if (!wait) return undefined;
    const start = this.tracker.now();
    return wait.then(() => this.tracker.mark('paused', start, this.tracker.now()));
  }

  /** Uncaught errors become the run's faults, and the process goes on (a run sharing its process). */
  #containFaults(): void {
    const onException = (error: unknown) => this.#fault('Uncaught exception', error);
    const onRejection = (error: unknown) => this.#fault('Unhandled rejection', error);
    process.on('uncaughtException', onException);
    process.on('unhandledRejection', onRejection);
    this.#cleanup.push(() => {
      process.off('uncaughtException', onException);
      process.off('unhandledRejection', onRejection);
    });
  }

  /** Uncaught errors are heard of, and do what they do under plain node (a run in its own process). */
  #observeFaults(): void {
    const onException = (error: unknown) => this.#options.onFault?.(`Uncaught exception: ${thrownText(error)}`);
    process.on('uncaughtExceptionMonitor', onException);
    this.#cleanup.push(() => process.off('uncaughtExceptionMonitor', onException));
  }

  /** The handles of the process that are not the program's (its stdout, made when it first printed). */
  #own(): readonly string[] {
    return this.#options.ownResources?.() ?? [];
  }

  #overlapsMark(start: number, end: number): boolean {
    // A freeze at a step holds the loop too: the monitor sees it late, and it is a pause, not a block.
    return this.tracker.snapshot().marks.some((m) => m.start < end && start < m.end);
  }

  #fault(what: string, error: unknown): void {
    const text = `${what}: ${thrownText(error)}`;
    this.#faults.push(text);
    this.tracker.log('stderr', text);
  }

  async #finish(baseline: Map<string, number>): Promise<void> {
    if (this.#finishing) return;
    this.#finishing = true;
    this.#endedAt = performance.now();
    // Futures the program left pending that nobody waits for (the run then cancels them).
    for (const rec of this.tracker.unsettled()) {
      if (rec.kind === 'future' && rec.handle instanceof BaseFuture && rec.handle.waiters() === 0) this.tracker.warn(rec, 'abandoned');
    }
    // asyncio.run cancels whatever the main coroutine left running; so does a stop.
    await this.#cancelLeftovers();
    if (!this.#stopped) await this.#linger(baseline);
    await Promise.all(this.#resources.map((r) => r.stop().catch(() => undefined)));
    const neverAwaited: string[] = [];
    for (const rec of this.tracker.unsettled()) {
      if (rec.handle instanceof CoroutineObject && !rec.handle.awaited) {
        neverAwaited.push(rec.name);
        this.tracker.warn(rec, 'never-awaited');
        this.tracker.log('stderr', `RuntimeWarning: coroutine '${rec.name}' was never awaited`);
      }
    }
    for (const rec of this.tracker.settledFailures()) {
      if (rec.handle instanceof BaseFuture && errorNeverRead(rec.handle)) this.tracker.warn(rec, 'never-retrieved');
    }
    // A block that ended the run is only seen by the monitor's next (overdue) heartbeat: let it
    // fire before the block listener goes.
    if (this.#options.monitor?.running) await new Promise((resolve) => setTimeout(resolve, 0));
    for (const release of this.#cleanup.splice(0)) release();
    await settle(this.#options.settleMs ?? 0);
    const leaks = await lastingLeaks(baseline, () => this.#own());
    if (leaks.length > 0) this.tracker.log('stderr', WORDS[this.ctx.lang].leftAlive(summarize(leaks)));
    const root = this.#root;
    const rootError = root?.done() && !root.cancelled() ? root.exception() : undefined;
    const error = rootError ? errorText(rootError) : this.#faults[0];
    const status = this.#stopped ? 'stopped' : error ? 'failed' : 'ended';
    this.tracker.flush();
    this.#resolved = true;
    this.#resolveDone({
      scenario: this.#scenario.id,
      status,
      ok: status !== 'failed',
      error,
      wallMs: (this.#endedAt ?? performance.now()) - (this.#startedAt || this.#endedAt!),
      leaks,
      neverAwaited,
      total: this.tracker.snapshot().total,
    });
  }

  /** Waits, like a Node process would, until the handles the run opened are closed (bounded). */
  async #linger(baseline: Map<string, number>): Promise<void> {
    const limit = this.#options.lingerMs ?? 5_000;
    const start = performance.now();
    let told = false;
    while (!this.#stopped && diffResources(baseline, activeResources(this.#own())).length > 0) {
      const waited = performance.now() - start;
      if (waited >= limit) return;
      if (!told && waited >= 1000) {
        told = true;
        const left = summarize(diffResources(baseline, activeResources(this.#own())));
        this.tracker.log('stderr', WORDS[this.ctx.lang].lingering(left, Math.round(limit / 1000)));
      }
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async #cancelLeftovers(): Promise<void> {
    const pending: Future<unknown>[] = [];
    for (const rec of this.tracker.unsettled()) {
      if (!(rec.handle instanceof Future)) continue;
      // A task asked already (the main task, by stop()) keeps that request: a second one would
      // replace its message, as in asyncio.
      if (!(rec.handle instanceof Task && rec.handle.cancelling() > 0)) rec.handle.cancel(this.#stopped ? 'the run was stopped' : 'the run ended');
      pending.push(rec.handle);
    }
    if (pending.length === 0) return;
    const limit = this.#options.stopTimeoutMs ?? 1000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, limit)));
    await Promise.race([Promise.allSettled(pending.map((f) => f.asPromise())), timeout]);
    clearTimeout(timer);
    for (const future of pending) {
      if (!future.done() && future instanceof Task) future.abandon(`abandoned: still running ${limit} ms after cancel`);
    }
  }
}

/**
 * The run starts from a timer this long after start(). A few ms, not 0: by then the loop has
 * finished what start() set going and sleeps until the timer is due, so the run begins at the top
 * of a libuv millisecond, as a plain script's first timer does. Node orders a timer against an
 * immediate by that millisecond clock, so starting mid-millisecond would change some orders.
 */
const START_DELAY_MS = 5;

/** Handles the process holds by type, less those `own` says are not the program's. */
function activeResources(own: readonly string[] = []): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  for (const type of own) counts.set(type, Math.max(0, (counts.get(type) ?? 0) - 1));
  return counts;
}

/**
 * What stays alive beyond `baseline` over a few frames. At any one moment the host may hold short
 * timers of its own (a screen repainting for a key or a resize); what the run left behind lasts.
 */
async function lastingLeaks(baseline: Map<string, number>, own: () => readonly string[]): Promise<string[]> {
  let alive = activeResources(own());
  for (let i = 0; i < 4 && diffResources(baseline, alive).length > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const now = activeResources(own());
    alive = new Map([...alive].map(([type, n]) => [type, Math.min(n, now.get(type) ?? 0)]));
  }
  return diffResources(baseline, alive);
}

function diffResources(before: Map<string, number>, after: Map<string, number>): string[] {
  const leaks: string[] = [];
  for (const [type, count] of after) {
    for (let i = before.get(type) ?? 0; i < count; i++) leaks.push(type);
  }
  return leaks;
}

/** Waits `ms`, then two more turns, so closes and exits queued by the stop have landed. */
async function settle(ms: number): Promise<void> {
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}
