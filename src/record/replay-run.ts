import type { Action, LoopMirror, Playback, PlaybackView, RunHandle } from '../observer/run-handle.js';
import { StreamMirror } from '../observer/stream-mirror.js';
import { Tracker, type TrackerOptions } from '../runtime/tracker.js';
import type { ActOutcome, RunEnd, ScenarioInfo } from '../stream/events.js';
import type { RecordedRun } from './saved-stream.js';

// The clock is the global performance (and setTimeout): a test's fake timers drive a playback.

/** Events due sooner than this are taken with the next batch: the screen shows ~30 frames a second. */
const MIN_TICK_MS = 16;
/** The position moves on screen at least this often while playing, events or not. */
const MAX_TICK_MS = 100;

/** A recording's tracker: its time is the playback's position, not the time since it was made. */
class ReplayTracker extends Tracker {
  readonly #position: () => number;

  constructor(position: () => number, options: TrackerOptions | undefined) {
    super(options);
    this.#position = position;
  }

  override now(): number {
    return this.#position();
  }

  /** performance.now() of the recorded run's start, were it playing at 1x up to now. */
  override get t0(): number {
    return performance.now() - this.#position();
  }
}

export interface ReplayOptions {
  readonly speed: number;
  /** Where the recorded loop samples go (the dashboard's gauge). */
  readonly loop?: LoopMirror;
  readonly tracker?: TrackerOptions;
}

/**
 * A saved run played back as the dashboard sees a run: its tracker is rebuilt from the recorded
 * events (by the same StreamMirror a live run's stream goes through) as the playback reaches
 * their times, at the replay's speed. Seeking back rebuilds it from the start, so every panel is
 * as it was at that moment. Nothing runs: actions on entities find nothing to act on.
 */
export class ReplayRun implements RunHandle, Playback {
  readonly scenario: ScenarioInfo;
  readonly done: Promise<RunEnd>;
  readonly playback: Playback = this;
  readonly #run: RecordedRun;
  readonly #options: ReplayOptions;
  readonly #listeners = new Set<() => void>();
  /** Recorded blocks of the loop, in order: the header counts one up while the playback is in it. */
  readonly #blocks: readonly { readonly start: number; readonly end: number }[];
  #mirror: StreamMirror;
  /** How many of the run's events the mirror has taken. */
  #applied = 0;
  /** The position at `#since` (performance.now()); while paused, the position. */
  #at = 0;
  #since = performance.now();
  #speed: number;
  #paused = false;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #resolveDone!: (result: RunEnd) => void;

  constructor(run: RecordedRun, options: ReplayOptions) {
    this.scenario = run.scenario;
    this.#run = run;
    this.#options = options;
    this.#speed = options.speed;
    this.#blocks = run.events.flatMap(({ event }) => (event.kind === 'mark' && event.mark === 'blocked' ? [{ start: event.start, end: event.end }] : []));
    this.done = new Promise((resolve) => (this.#resolveDone = resolve));
    this.#mirror = this.#fresh();
    this.#tick();
  }

  get tracker(): Tracker {
    return this.#mirror.tracker;
  }

  get finished(): boolean {
    return this.#stopped;
  }

  get pausedAt(): string | undefined {
    return this.#mirror.pausedAt;
  }

  /** Milliseconds into the recorded run. */
  get position(): number {
    if (this.#paused) return this.#at;
    return Math.min(this.#run.length, this.#at + (performance.now() - this.#since) * this.#speed);
  }

  view(): PlaybackView {
    return { position: this.position, length: this.#run.length, paused: this.#paused, ended: this.#mirror.ended };
  }

  /** While the playback is inside a recorded block, since when (performance.now()) it has lasted. */
  blockedSince(): number | undefined {
    const position = this.position;
    const block = this.#blocks.find((b) => b.start <= position && position < b.end);
    return block ? performance.now() - (position - block.start) : undefined;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  stop(_reason: string): Promise<RunEnd> {
    if (!this.#stopped) {
      this.#stopped = true;
      this.#pause();
      const total = this.tracker.snapshot().total;
      this.#resolveDone(this.#mirror.ended ?? { scenario: this.scenario.id, status: 'stopped', ok: true, error: undefined, wallMs: this.position, leaks: [], neverAwaited: [], total });
    }
    return this.done;
  }

  setSpeed(speed: number): void {
    this.#anchor();
    this.#speed = speed;
    this.#schedule();
    this.#emit();
  }

  setStepMode(): void {
    // A recording has no program to hold: its step pauses are played as they were.
  }

  next(): void {
    // As setStepMode.
  }

  act(id: string, _action: Action): Promise<ActOutcome> {
    return Promise.resolve({ outcome: 'notFound', id });
  }

  togglePause(): void {
    if (this.#stopped) return;
    if (!this.#paused) {
      this.#pause();
      this.#emit();
      return;
    }
    this.#paused = false;
    if (this.#at >= this.#run.length) this.seek(0);
    else {
      this.#since = performance.now();
      this.#tick();
    }
  }

  seek(position: number): void {
    if (this.#stopped) return;
    const target = Math.min(this.#run.length, Math.max(0, position));
    const shown = this.#run.events[this.#applied - 1];
    // Events already taken past the target: the mirror starts again from the run's start.
    if (shown && shown.t > target) {
      this.#mirror = this.#fresh();
      this.#applied = 0;
    }
    this.#at = target;
    this.#since = performance.now();
    this.#tick();
  }

  /** Takes in every event up to the position, then waits for the next (or stops at the end). */
  #tick(): void {
    const position = this.position;
    this.#applyTo(position);
    if (position >= this.#run.length) {
      this.#at = this.#run.length;
      this.#pause();
    } else this.#schedule();
    this.#emit();
  }

  #applyTo(position: number): void {
    const events = this.#run.events;
    while (this.#applied < events.length && events[this.#applied]!.t <= position) this.#mirror.apply(events[this.#applied++]!.event);
  }

  #schedule(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#paused || this.#stopped) return;
    const next = this.#run.events[this.#applied]?.t ?? this.#run.length;
    const wait = Math.min(MAX_TICK_MS, Math.max(MIN_TICK_MS, (next - this.position) / this.#speed));
    this.#timer = setTimeout(() => this.#tick(), wait).unref();
  }

  /** The position now becomes the fixed point the playback counts from. */
  #anchor(): void {
    this.#at = this.position;
    this.#since = performance.now();
  }

  #pause(): void {
    this.#anchor();
    this.#paused = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** A mirror of the run before its first event, the gauge emptied with it. */
  #fresh(): StreamMirror {
    this.#options.loop?.reset();
    const loop = this.#options.loop;
    return new StreamMirror(new ReplayTracker(() => this.position, { history: true, ...this.#options.tracker }), () => loop);
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
