import { performance } from 'node:perf_hooks';
import { entityDetail, type EntityDetail } from './detail.js';
import { FrameBudget } from './frame-budget.js';
import type { RunHandle } from '../observer/run-handle.js';
import type { LoopView } from '../runtime/loop-monitor.js';
import type { Snapshot } from '../runtime/tracker.js';
import { STATES, type State } from '../runtime/states.js';
import type { Session, SessionState } from './session.js';
import { spinnerAt } from '../view/theme.js';
import { processSlice } from '../view/process-slice.js';

/** The newest stretch the run's loop could not run: going on now, or measured once over. */
export interface BlockView {
  /** performance.now() times; a live block's end is the snapshot's moment. */
  readonly start: number;
  readonly end: number;
  /** True while it lasts (the program is silent), false once the run's monitor measured it. */
  readonly live: boolean;
}

/** Everything the screen shows, in one immutable object; a new one at most every FRAME_MS. */
export interface DashboardSnapshot {
  readonly version: number;
  readonly session: SessionState;
  readonly run: Snapshot;
  /** Id of the scenario the shown run belongs to (the session may already want another). */
  readonly runScenario: string | undefined;
  /** Milliseconds into the shown run: live while it runs, frozen at its last activity after. */
  readonly now: number;
  readonly loop: LoopView;
  /** The newest block, while it is recent enough to matter to the header (BLOCK_HOLD_MS). */
  readonly block: BlockView | undefined;
  /**
   * The spinner glyph of live entities. It turns with the snapshots, which the loop monitor's
   * samples keep coming while the loop runs: one repaint turns every spinner, and a blocked
   * loop freezes them, as it freezes everything else.
   */
  readonly spinner: string;
  /** performance.now() when the snapshot was built: the clock of what changes with time alone (tour pages). */
  readonly at: number;
  /** The open details (Enter) of a row the run still holds. */
  readonly detail: EntityDetail | undefined;
  /** How many Node processes a traced command has shown so far (0 for a scenario's run). */
  readonly processes: number;
}

/** What panels read: subscribe + getSnapshot, the shape useSyncExternalStore takes. */
export interface SnapshotSource {
  subscribe(listener: () => void): () => void;
  getSnapshot(): DashboardSnapshot;
}

/** Shortest time between two snapshots: about 30 a second, however many entities change. */
export const FRAME_MS = 33;
/**
 * Shortest time between snapshots that carry only the passing of time (loop readings, elapsed
 * times, spinners): while a run goes on, and once it has ended. Every repaint redraws the whole
 * screen (tens of ms on a large terminal), so repaints that report no event are kept few.
 */
const CLOCK_MS = 200;
const IDLE_LOOP_MS = 500;
/**
 * Most of a core the screen may take while a run goes on. The program runs in its own process,
 * so a repaint no longer holds its loop; but on a machine of few cores it still takes CPU from the
 * program and from reading its stream. Repaints of what the run does wait until they fit in this
 * share (30 frames a second while frames are cheap, fewer on a large terminal or in a huge run).
 * Keys and run switches repaint on the next frame all the same.
 */
export const SCREEN_SHARE = 0.1;
/** Repainting time saved up while the screen is quiet: after a quiet spell, a few frames at once. */
const BURST_MS = 50;
/** However costly a repaint, the screen shows the run at least this often. */
const MAX_WAIT_MS = 500;
/**
 * How long the header keeps saying `■ blocked` after a block ended. The screen could not paint
 * during the block; this is how long the report of it stays up once it can.
 */
export const BLOCK_HOLD_MS = 1500;
/** How often a block is drawn while it lasts: the header's count and the loop lane grow at this pace. */
const BLOCK_FRAME_MS = 100;

const zeroCounts = Object.freeze(Object.fromEntries(STATES.map((s) => [s, 0])) as Record<State, number>);

/** The snapshot of a run that has not started. */
export const EMPTY_RUN: Snapshot = Object.freeze({
  version: 0,
  now: 0,
  entities: Object.freeze([]),
  counts: zeroCounts,
  total: 0,
  folded: 0,
  logs: Object.freeze([]),
  droppedLogs: 0,
  marks: Object.freeze([]),
  step: undefined,
});

/**
 * A dashboard snapshot of `session` with these parts; what is not given is a run not yet started
 * at its first moment. The one place a snapshot is made: the store, the warm-up, the bench and
 * the component tests all start from it.
 */
export function dashboardSnapshot(
  session: SessionState,
  loop: LoopView,
  parts: Partial<Omit<DashboardSnapshot, 'session' | 'loop'>> = {},
): DashboardSnapshot {
  return Object.freeze({
    version: 0,
    run: EMPTY_RUN,
    runScenario: session.scenario.id,
    now: 0,
    block: undefined,
    spinner: spinnerAt(0),
    at: 0,
    detail: undefined,
    processes: 0,
    ...parts,
    session,
    loop,
  });
}

/** A source that holds one snapshot until `set` replaces it (and tells who listens). */
export class HeldSnapshot implements SnapshotSource {
  #current: DashboardSnapshot;
  readonly #listeners = new Set<() => void>();

  constructor(initial: DashboardSnapshot) {
    this.#current = initial;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): DashboardSnapshot => this.#current;

  set(next: DashboardSnapshot): void {
    this.#current = next;
    for (const listener of this.#listeners) listener();
  }
}

/** The last moment anything happened in a run, from its snapshot. */
function lastActivity(snap: Snapshot): number {
  let t = 0;
  for (const e of snap.entities) t = Math.max(t, e.settled ?? e.started ?? e.created);
  for (const m of snap.marks) t = Math.max(t, m.end);
  const lastLog = snap.logs[snap.logs.length - 1];
  return Math.max(t, lastLog?.t ?? 0, snap.step?.t ?? 0);
}

/**
 * Turns session, tracker and loop monitor changes into dashboard snapshots, at most one per
 * FRAME_MS, and for what the run does at most SCREEN_SHARE of the loop. Its timer is unref'd
 * and it has no other: the screen reads, never drives.
 */
export class DashboardStore implements SnapshotSource {
  readonly #session: Session;
  readonly #listeners = new Set<() => void>();
  #snapshot: DashboardSnapshot;
  #version = 0;
  #timer: NodeJS.Timeout | undefined;
  #paint: NodeJS.Immediate | undefined;
  #due = Infinity;
  #lastEmit = -Infinity;
  #run: RunHandle | undefined;
  /** The tracker followed: the run's, which a replay replaces when it seeks back. */
  #tracker: RunHandle['tracker'] | undefined;
  #untrack: () => void = () => undefined;
  /** Draws a block while it lasts: the program cannot speak then, so the screen keeps time itself. */
  readonly #blockTicker: NodeJS.Timeout;
  #frozenNow: number | undefined;
  #block: BlockView | undefined;
  /** What repaints cost: from building the snapshot to the frame written. */
  readonly #budget = new FrameBudget(SCREEN_SHARE, BURST_MS, MAX_WAIT_MS);
  readonly #release: (() => void)[] = [];

  constructor(session: Session) {
    this.#session = session;
    this.#snapshot = this.#build();
    this.#release.push(
      session.subscribe(this.#onSession),
      session.monitor.subscribe(this.#onLoop),
      session.monitor.onBlock((start, end) => {
        this.#block = { start, end, live: false };
        // Within the budget too: a repaint long enough to count as a block would report itself.
        this.#changed(FRAME_MS, true);
      }),
    );
    this.#follow();
    this.#blockTicker = setInterval(() => {
      if (this.#run?.blockedSince() !== undefined) this.#changed(BLOCK_FRAME_MS);
    }, BLOCK_FRAME_MS).unref();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): DashboardSnapshot => this.#snapshot;

  /** Builds and publishes a snapshot now (the frame timer calls this; tests may too). */
  flush = (): void => {
    const start = performance.now();
    this.#cancel();
    this.#snapshot = this.#build();
    this.#lastEmit = performance.now();
    for (const listener of this.#listeners) listener();
    // React repaints in a microtask the listeners queued (Ink writes the frame in it): this one
    // runs after it.
    queueMicrotask(() => {
      const end = performance.now();
      this.#budget.record(end - start, end);
    });
  };

  /** What a repaint costs, in ms (what SCREEN_SHARE is applied to). */
  get frameMs(): number {
    return this.#budget.frameMs;
  }

  dispose(): void {
    this.#cancel();
    clearInterval(this.#blockTicker);
    this.#untrack();
    for (const release of this.#release.splice(0)) release();
    this.#listeners.clear();
  }

  #onSession = (): void => {
    this.#follow();
    this.#changed();
  };

  #onLoop = (): void => {
    this.#changed(this.#session.state.result === undefined ? CLOCK_MS : IDLE_LOOP_MS, true);
  };

  #follow(): void {
    const run = this.#session.run;
    if (run === this.#run) {
      // Frozen while the run is over (a replay sought back before its end runs again).
      if (!this.#session.state.result) this.#frozenNow = undefined;
      else if (run && this.#frozenNow === undefined) this.#frozenNow = lastActivity(run.tracker.snapshot());
      if (run?.tracker !== this.#tracker) this.#track(run);
      return;
    }
    this.#run = run;
    this.#frozenNow = undefined;
    // A new run: the block the header reported was the last one's.
    this.#block = undefined;
    this.#track(run);
  }

  #track(run: RunHandle | undefined): void {
    this.#untrack();
    this.#tracker = run?.tracker;
    this.#untrack = run ? run.tracker.subscribe(() => this.#changed(FRAME_MS, true)) : () => undefined;
  }

  /**
   * Schedules a snapshot `gap` ms after the last one (sooner if one is already due sooner), and
   * when `budgeted`, no sooner than SCREEN_SHARE affords.
   */
  #changed(gap = FRAME_MS, budgeted = false): void {
    const now = performance.now();
    const due = Math.max(now + (budgeted ? this.#budget.wait(now) : 0), this.#lastEmit + gap);
    if (due >= this.#due) return;
    this.#cancel();
    this.#due = due;
    // Painted in the loop's check phase, after the timers and I/O of that turn: the run's own
    // work that is due then (a timer set before a block, say) goes first instead of waiting for
    // the frame.
    const paint = () => (this.#paint = setImmediate(this.flush).unref());
    const wait = due - performance.now();
    if (wait <= 0) paint();
    else this.#timer = setTimeout(paint, wait).unref();
  }

  #cancel(): void {
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#paint) clearImmediate(this.#paint);
    this.#timer = undefined;
    this.#paint = undefined;
    this.#due = Infinity;
  }

  #build(): DashboardSnapshot {
    const run = this.#run;
    const now = performance.now();
    const since = run?.blockedSince();
    // Once the run is over (a replay past its end too), the header says no more of its blocks.
    const over = run?.finished || this.#session.state.result !== undefined;
    const recent = this.#block && !over && now - this.#block.end < BLOCK_HOLD_MS ? this.#block : undefined;
    const block = since !== undefined ? { start: since, end: now, live: true } : recent;
    const processes = run?.processIds?.() ?? [];
    const shown = this.#session.state.process;
    const snap = run ? run.tracker.snapshot() : EMPTY_RUN;
    const state = this.#session.state;
    return dashboardSnapshot(state, this.#session.monitor.getSnapshot(), {
      version: ++this.#version,
      run: shown !== undefined && processes.includes(shown) ? processSlice(snap, shown, processes) : snap,
      processes: processes.length,
      detail: state.detailId === undefined ? undefined : entityDetail(snap, state.detailId),
      runScenario: run?.scenario.id,
      now: run ? (this.#frozenNow ?? run.tracker.now()) : 0,
      block,
      spinner: spinnerAt(now),
      at: now,
    });
  }
}
