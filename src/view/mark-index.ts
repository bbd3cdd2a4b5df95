import type { Mark } from '../runtime/tracker.js';

/**
 * A run's marks sorted by time, with no two overlapping (where they would, the earlier one keeps
 * the time): a stretch of an entity finds the marks it crosses by a binary search, not a scan.
 */
export class MarkIndex {
  readonly count: number;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly paused: Uint8Array;

  constructor(marks: readonly Mark[]) {
    const sorted = [...marks].sort((a, b) => a.start - b.start);
    this.starts = new Float64Array(sorted.length);
    this.ends = new Float64Array(sorted.length);
    this.paused = new Uint8Array(sorted.length);
    let count = 0;
    let last = -Infinity;
    for (const m of sorted) {
      const start = Math.max(m.start, last);
      if (m.end <= start) continue;
      this.starts[count] = start;
      this.ends[count] = m.end;
      this.paused[count] = m.kind === 'paused' ? 1 : 0;
      last = m.end;
      count++;
    }
    this.count = count;
  }

  /** The first mark that ends after `t` (count when none does). */
  firstEndingAfter(t: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
