/** One measured figure, as `npm run bench -- --json` prints it. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The goal in words, e.g. `<= 2x`. */
  readonly goal: string;
  readonly pass: boolean;
  /** By how much a missed goal was missed, in words (`16% short`), for the table. */
  readonly shortfall?: string;
  /** How it was measured, for the table. */
  readonly note?: string;
  /** A figure reported for its own sake, with no goal to meet. */
  readonly reported?: boolean;
}

/** Something the bench measures: the names of the figures it gives, and how to get them. */
export interface Measure {
  readonly names: readonly string[];
  run(): Promise<readonly Figure[]>;
}

export function atMost(name: string, value: number, unit: string, limit: number, note?: string): Figure {
  const pass = value <= limit;
  const shortfall = pass ? undefined : `${percent(value / limit - 1)} over`;
  return { name, value: round(value), unit, goal: `<= ${limit}${suffix(unit)}`, pass, shortfall, note };
}

export function atLeast(name: string, value: number, unit: string, limit: number, note?: string): Figure {
  const pass = value >= limit;
  const shortfall = pass ? undefined : `${percent(1 - value / limit)} short`;
  return { name, value: round(value), unit, goal: `>= ${limit}${suffix(unit)}`, pass, shortfall, note };
}

/** A figure the issue asks to see, with no goal: it always passes, and the table says so. */
export function reported(name: string, value: number, unit: string, note?: string): Figure {
  return { name, value: round(value), unit, goal: 'none', pass: true, note, reported: true };
}

function suffix(unit: string): string {
  return unit === 'x' ? 'x' : ` ${unit}`;
}

function percent(fraction: number): string {
  return `${Math.max(1, Math.round(fraction * 100))}%`;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}
