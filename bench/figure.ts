/** One measured figure, as `npm run bench -- --json` prints it. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The goal in words, e.g. `<= 2x`. */
  readonly goal: string;
  readonly pass: boolean;
  /** How it was measured, for the table. */
  readonly note?: string;
}

export function atMost(name: string, value: number, unit: string, limit: number, note?: string): Figure {
  return { name, value: round(value), unit, goal: `<= ${limit}${unit === 'x' ? 'x' : ` ${unit}`}`, pass: value <= limit, note };
}

export function atLeast(name: string, value: number, unit: string, limit: number, note?: string): Figure {
  return { name, value: round(value), unit, goal: `>= ${limit}${unit === 'x' ? 'x' : ` ${unit}`}`, pass: value >= limit, note };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}
