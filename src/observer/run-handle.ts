import type { LoopView } from '../runtime/loop-monitor.js';
import type { Tracker } from '../runtime/tracker.js';
import type { RunSettings } from '../settings.js';
import type { ActOutcome, RunEnd, ScenarioInfo } from '../stream/events.js';

/** What a person can do to a selected entity. */
export type Action = 'cancel' | 'resolve' | 'reject';

/**
 * A run as the dashboard sees it, wherever it runs (its own process, or, for a test, this one): a
 * tracker the screen reads, how it ends, and what can be asked of it.
 */
export interface RunHandle {
  readonly scenario: ScenarioInfo;
  /** What the run did so far, as snapshots. */
  readonly tracker: Tracker;
  readonly done: Promise<RunEnd>;
  /** True once the run stopped doing its own work (ended, failed, stopping). */
  readonly finished: boolean;
  /** The step the program is held at, in step mode. */
  readonly pausedAt: string | undefined;
  /**
   * performance.now() since when the program's thread has been held by its own code (a block
   * going on now), or undefined: the program cannot speak while blocked, so this is its silence.
   */
  blockedSince(): number | undefined;
  /** Calls `listener` when the pause or the block changes (the tracker says the rest). */
  subscribe(listener: () => void): () => void;
  stop(reason: string): Promise<RunEnd>;
  setSpeed(speed: number): void;
  setStepMode(on: boolean): void;
  next(): void;
  act(id: string, action: Action): Promise<ActOutcome>;
  /** A traced command's Node processes, by the ids of their entities, in the order they reported (a scenario's run has none). */
  processIds?(): readonly string[];
  /** Shows this process's loop in the gauge (undefined: the first process's). */
  selectProcess?(id: string | undefined): void;
  /** Set when the run is a recording played back: where it is, and how to move it. */
  readonly playback?: Playback;
}

/** Where a played-back run is. */
export interface PlaybackView {
  /** Milliseconds into the recorded run. */
  readonly position: number;
  /** Milliseconds from its start to its last recorded line. */
  readonly length: number;
  readonly paused: boolean;
  /** How the recorded run ended, once the playback is past its end line. */
  readonly ended: RunEnd | undefined;
}

/** A recorded run played back (its speed is the run's speed). */
export interface Playback {
  view(): PlaybackView;
  /** Pauses, or plays on (from the start again, once at the end). */
  togglePause(): void;
  /** Moves to this many milliseconds into the run (clamped to the recording), every panel as it was then. */
  seek(position: number): void;
}

/** How a run is asked for: the settings it starts with, step mode, and where its loop samples go. */
export interface RunRequest {
  readonly settings: RunSettings;
  readonly stepMode: boolean;
  readonly loop: LoopMirror;
}

const QUIET: LoopView = Object.freeze({ lagMs: 0, p99Ms: 0, maxMs: 0, utilization: 0, series: [], blocked: false, sampledAt: 0 });

/**
 * The loop gauge's source: the samples of the run on screen, as its process measured them on its
 * own loop (the dashboard's loop is not the one to show). One per session; each run starts it anew.
 */
export class LoopMirror {
  readonly history: number;
  #view: LoopView = QUIET;
  #series: number[] = [];
  readonly #listeners = new Set<() => void>();
  readonly #blockListeners = new Set<(start: number, end: number) => void>();

  constructor(history = 60) {
    this.history = history;
  }

  getSnapshot = (): LoopView => this.#view;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Calls `listener(start, end)` (performance.now() times) for each stretch the run's loop was held. */
  onBlock(listener: (start: number, end: number) => void): () => void {
    this.#blockListeners.add(listener);
    return () => this.#blockListeners.delete(listener);
  }

  /** A new run: the gauge starts empty. */
  reset(): void {
    this.#series = [];
    this.#view = QUIET;
    for (const listener of this.#listeners) listener();
  }

  /** A sample from the run's process (`sampledAt` on this process's clock). */
  sample(lagMs: number, p99Ms: number, maxMs: number, utilization: number, blocked: boolean, sampledAt: number): void {
    this.#series.push(lagMs);
    if (this.#series.length > this.history) this.#series.splice(0, this.#series.length - this.history);
    this.#view = Object.freeze({ lagMs, p99Ms, maxMs, utilization, series: Object.freeze(this.#series.slice()), blocked, sampledAt });
    for (const listener of this.#listeners) listener();
  }

  /** A block the run's process measured, once over (performance.now() times of this process). */
  block(start: number, end: number): void {
    for (const listener of this.#blockListeners) listener(start, end);
  }
}
