import { performance } from 'node:perf_hooks';
import type { Run } from './runner.js';
import type { LoopView } from './runtime/loop-monitor.js';
import type { Snapshot } from './runtime/tracker.js';
import { STATES, type State } from './runtime/states.js';
import type { Session, SessionState } from './session.js';
import { spinnerAt } from './theme.js';

/** The newest stretch the loop could not run, as the monitor measured it. */
export interface BlockView {
  /** performance.now() times. */
  readonly start: number;
  readonly end: number;
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
 * screen on the loop the scenario runs on (tens of ms on a large terminal), so repaints that
 * report no event are kept few: they would add their own lag to the scenario's.
 */
const CLOCK_MS = 200;
const IDLE_LOOP_MS = 500;
/**
 * How long the header keeps saying `■ blocked` after a block ended. The screen could not paint
 * during the block; this is how long the report of it stays up once it can.
 */
export const BLOCK_HOLD_MS = 1500;

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
 * FRAME_MS. Its timer is unref'd and it has no other: the screen reads, never drives.
 */
export class DashboardStore implements SnapshotSource {
  readonly #session: Session;
  readonly #listeners = new Set<() => void>();
  #snapshot: DashboardSnapshot;
  #version = 0;
  #timer: NodeJS.Timeout | undefined;
  #due = Infinity;
  #lastEmit = -Infinity;
  #run: Run | undefined;
  #untrack: () => void = () => undefined;
  #frozenNow: number | undefined;
  #block: BlockView | undefined;
  readonly #release: (() => void)[] = [];

  constructor(session: Session) {
    this.#session = session;
    this.#snapshot = this.#build();
    this.#release.push(
      session.subscribe(this.#onSession),
      session.monitor.subscribe(this.#onLoop),
      session.monitor.onBlock((start, end) => {
        this.#block = { start, end };
        this.#changed();
      }),
    );
    this.#follow();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): DashboardSnapshot => this.#snapshot;

  /** Builds and publishes a snapshot now (the frame timer calls this; tests may too). */
  flush = (): void => {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#due = Infinity;
    this.#snapshot = this.#build();
    this.#lastEmit = performance.now();
    for (const listener of this.#listeners) listener();
  };

  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#untrack();
    for (const release of this.#release.splice(0)) release();
    this.#listeners.clear();
  }

  #onSession = (): void => {
    this.#follow();
    this.#changed();
  };

  #onLoop = (): void => {
    // While a finished run waits out its settle time before counting leftover handles, a repaint
    // would leave the renderer's own short timers alive and be reported as the run's leak. The
    // loop gauge waits (at most the settle time); the run's end repaints everything.
    const run = this.#run;
    const result = this.#session.state.result;
    if (run?.finished && result === undefined) return;
    this.#changed(result === undefined ? CLOCK_MS : IDLE_LOOP_MS);
  };

  #follow(): void {
    const run = this.#session.run;
    if (run === this.#run) {
      if (run && this.#frozenNow === undefined && this.#session.state.result) this.#frozenNow = lastActivity(run.tracker.snapshot());
      return;
    }
    this.#untrack();
    this.#run = run;
    this.#frozenNow = undefined;
    this.#untrack = run ? run.tracker.subscribe(() => this.#changed()) : () => undefined;
  }

  /** Schedules a snapshot `gap` ms after the last one (sooner if one is already due sooner). */
  #changed(gap = FRAME_MS): void {
    const due = Math.max(performance.now(), this.#lastEmit + gap);
    if (due >= this.#due) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#due = due;
    this.#timer = setTimeout(this.flush, due - performance.now());
    this.#timer.unref();
  }

  #build(): DashboardSnapshot {
    const run = this.#run;
    const snap = run ? run.tracker.snapshot() : EMPTY_RUN;
    const now = performance.now();
    const block = this.#block && now - this.#block.end < BLOCK_HOLD_MS ? this.#block : undefined;
    return Object.freeze({
      version: ++this.#version,
      session: this.#session.state,
      run: snap,
      runScenario: run?.scenario.id,
      now: run ? (this.#frozenNow ?? run.tracker.now()) : 0,
      loop: this.#session.monitor.getSnapshot(),
      block,
      spinner: spinnerAt(now),
    });
  }
}
