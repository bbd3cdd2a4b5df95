/**
 * How soon the screen may repaint, from what its repaints cost: a repaint runs on the loop the
 * dashboard is there to show, so over time repaints may take at most `share` of it. Credit for
 * repainting builds up at that share while the screen is quiet, up to `burstMs`: after a quiet
 * spell a few repaints come at once (the start of a run, what was printed just before a block),
 * then the pace is what the share affords. Pure bookkeeping on times it is given, no timers.
 */
export class FrameBudget {
  readonly #costs: number[] = [];
  #credit: number;
  #at = 0;

  constructor(
    /** Most of the loop repaints may take over time, 0..1. */
    readonly share: number,
    /** Most repainting time saved up while quiet. */
    readonly burstMs: number,
    /** Longest wait however costly a repaint: the screen still shows the run this often. */
    readonly maxWaitMs: number,
    /** Repaints the usual cost is the median of (one slow repaint, a GC say, does not set it). */
    readonly window = 5,
  ) {
    this.#credit = burstMs;
  }

  /** Notes a repaint that ended at `now` (ms) and cost `ms`. */
  record(ms: number, now: number): void {
    this.#earn(now);
    this.#credit -= ms;
    this.#costs.push(ms);
    if (this.#costs.length > this.window) this.#costs.shift();
  }

  /** What a repaint usually costs: the median of the last few, 0 before the first. */
  get frameMs(): number {
    if (this.#costs.length === 0) return 0;
    const sorted = [...this.#costs].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }

  /** How long from `now` until the credit pays for a usual repaint (0: it does now), at most maxWaitMs. */
  wait(now: number): number {
    this.#earn(now);
    const short = this.frameMs - this.#credit;
    return short <= 0 ? 0 : Math.min(this.maxWaitMs, short / this.share);
  }

  #earn(now: number): void {
    if (now > this.#at) this.#credit = Math.min(this.burstMs, this.#credit + (now - this.#at) * this.share);
    this.#at = Math.max(this.#at, now);
  }
}
