import { monitorEventLoopDelay, performance, type EventLoopUtilization, type IntervalHistogram } from 'node:perf_hooks';

/** What the loop gauge draws. Times are milliseconds. */
export interface LoopView {
  /** Worst delay seen in the latest sample window. */
  readonly lagMs: number;
  /** p99 and max since the last reset (a run start), from monitorEventLoopDelay and the heartbeat. */
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Share of the latest window the loop spent running code, 0..1. */
  readonly utilization: number;
  /** Lag per window, oldest first, for a sparkline. */
  readonly series: readonly number[];
  /** True when the newest window saw a block longer than the block threshold. */
  readonly blocked: boolean;
  /** performance.now() of the latest sample. */
  readonly sampledAt: number;
}

export interface LoopMonitorOptions {
  /** Heartbeat period; a late heartbeat is how a single long block is caught. */
  readonly heartbeatMs?: number;
  /** Window of one sample. */
  readonly sampleMs?: number;
  /** Samples kept for the sparkline. */
  readonly history?: number;
  /** A heartbeat this much late counts as a block. */
  readonly blockThresholdMs?: number;
  /**
   * Who beats: a timer of the monitor's own (the default), or the owner, calling beat() every
   * heartbeatMs from a callback of its own (a traced program's probe, which must add no timer to
   * the program's timer lists: one due with the program's would add frames to its stack traces).
   */
  readonly beats?: 'timer' | 'owner';
}

/**
 * Measures the real event loop: lag (monitorEventLoopDelay, plus a heartbeat whose drift catches
 * one long block that a p99 would hide), utilisation (eventLoopUtilization), and block stretches.
 */
export class LoopMonitor {
  readonly heartbeatMs: number;
  readonly sampleMs: number;
  readonly history: number;
  readonly blockThresholdMs: number;
  readonly #ownTimer: boolean;
  #running = false;
  #histogram: IntervalHistogram | undefined;
  #heartbeat: NodeJS.Timeout | undefined;
  #lastBeat = 0;
  #windowStart = 0;
  #windowMax = 0;
  #runMax = 0;
  #elu: EventLoopUtilization | undefined;
  #series: number[] = [];
  #view: LoopView;
  readonly #listeners = new Set<() => void>();
  readonly #blockListeners = new Set<(start: number, end: number) => void>();

  constructor(options: LoopMonitorOptions = {}) {
    this.heartbeatMs = options.heartbeatMs ?? 20;
    this.sampleMs = options.sampleMs ?? 100;
    this.history = options.history ?? 60;
    this.blockThresholdMs = options.blockThresholdMs ?? 50;
    this.#ownTimer = (options.beats ?? 'timer') === 'timer';
    this.#view = Object.freeze({ lagMs: 0, p99Ms: 0, maxMs: 0, utilization: 0, series: [], blocked: false, sampledAt: 0 });
  }

  get running(): boolean {
    return this.#running;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#histogram = monitorEventLoopDelay({ resolution: 10 });
    this.#histogram.enable();
    this.#elu = performance.eventLoopUtilization();
    this.#lastBeat = this.#windowStart = performance.now();
    if (!this.#ownTimer) return;
    this.#heartbeat = setInterval(() => this.beat(), this.heartbeatMs);
    this.#heartbeat.unref();
  }

  stop(): void {
    this.#running = false;
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
    this.#histogram?.disable();
    this.#histogram = undefined;
  }

  /** Forgets p99/max, so a new run starts with a clean gauge. */
  reset(): void {
    this.#histogram?.reset();
    this.#runMax = 0;
    this.#windowMax = 0;
  }

  getSnapshot = (): LoopView => this.#view;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Called with performance.now() times of each stretch where the loop could not run. */
  onBlock(listener: (start: number, end: number) => void): () => void {
    this.#blockListeners.add(listener);
    return () => this.#blockListeners.delete(listener);
  }

  /** Takes a sample now (the heartbeat does this every sampleMs). */
  sample(): LoopView {
    const now = performance.now();
    const elu = performance.eventLoopUtilization(this.#elu);
    this.#elu = performance.eventLoopUtilization();
    const h = this.#histogram;
    const histMax = h && h.count > 0 ? h.max / 1e6 : 0;
    const p99 = h && h.count > 0 ? h.percentile(99) / 1e6 : 0;
    this.#runMax = Math.max(this.#runMax, this.#windowMax, histMax);
    this.#series.push(this.#windowMax);
    if (this.#series.length > this.history) this.#series.splice(0, this.#series.length - this.history);
    this.#view = Object.freeze({
      lagMs: this.#windowMax,
      p99Ms: p99,
      maxMs: this.#runMax,
      utilization: elu.utilization,
      series: Object.freeze(this.#series.slice()),
      blocked: this.#windowMax >= this.blockThresholdMs,
      sampledAt: now,
    });
    this.#windowMax = 0;
    this.#windowStart = now;
    for (const listener of this.#listeners) listener();
    return this.#view;
  }

  /**
   * One heartbeat, every heartbeatMs: from the monitor's timer, or from its owner (see `beats`),
   * who may say when it was due (performance.now() on this process's clock); by default it was
   * due heartbeatMs after the last one.
   */
  beat(dueAt: number = this.#lastBeat + this.heartbeatMs): void {
    if (!this.#running) return;
    const now = performance.now();
    const drift = Math.max(0, now - dueAt);
    if (drift > this.#windowMax) this.#windowMax = drift;
    if (drift >= this.blockThresholdMs) {
      for (const listener of this.#blockListeners) listener(dueAt, now);
    }
    this.#lastBeat = now;
    if (now - this.#windowStart >= this.sampleMs) this.sample();
  }
}
