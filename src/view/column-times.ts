/**
 * What a stretch of an entity's time counts as on the timeline: its live states (their order is
 * their code in STATES), then running while the loop was blocked, then frozen at a step.
 */
export const TIME_ROLES = ['created', 'pending', 'running', 'waiting', 'blocked', 'paused'] as const;

export const CREATED = 0;
export const PENDING = 1;
export const RUNNING = 2;
export const WAITING = 3;
export const BLOCKED = 4;
export const PAUSED = 5;
const ROLES = TIME_ROLES.length;

/** The column of `width` a moment falls in, when each stands for `columnMs` (the last one for the end). */
export function columnOf(t: number, columnMs: number, width: number): number {
  return Math.max(0, Math.min(width - 1, Math.floor(t / columnMs)));
}

/**
 * Milliseconds per role per column of a lane, summed over what is added: one entity's stretches,
 * or those of every member of a group. An add costs the same however many columns it spans (the
 * columns it covers whole go into a difference array), so a group of 100,000 costs its stretches.
 */
export class ColumnTimes {
  /** Milliseconds each column stands for. */
  columnMs = 1;
  #width = 0;
  #span = 0;
  /** Partly covered columns: role * width + column. */
  #part = new Float64Array(0);
  /** Wholly covered columns, as differences: role * (width + 1) + column. */
  #whole = new Float64Array(0);
  #summed = false;

  /** `width` columns over the run's first `span` ms. */
  constructor(width: number, span: number) {
    this.reset(width, span);
  }

  /**
   * Empty again, for `width` columns over `span` ms: the lanes of a frame are summed one after
   * another in the same arrays, so a frame makes no garbage of them.
   */
  reset(width: number, span: number): this {
    this.#width = width;
    this.#span = span;
    this.columnMs = span / width;
    this.#summed = false;
    if (this.#part.length < ROLES * width) {
      this.#part = new Float64Array(ROLES * width);
      this.#whole = new Float64Array(ROLES * (width + 1));
    } else {
      this.#part.fill(0, 0, ROLES * width);
      this.#whole.fill(0, 0, ROLES * (width + 1));
    }
    return this;
  }

  /** The column a moment falls in. */
  column(t: number): number {
    return columnOf(t, this.columnMs, this.#width);
  }

  /** Counts [from, to) ms as `role`, times `weight` (a share of it, or members at once). */
  add(role: number, from: number, to: number, weight = 1): void {
    const start = from > 0 ? from : 0;
    const end = to < this.#span ? to : this.#span;
    if (end <= start) return;
    // Called for every stretch of every member of a group: the column sums are kept to plain arithmetic.
    const last = this.#width - 1;
    const a = Math.min(last, Math.floor(start / this.columnMs));
    const b = Math.min(last, Math.floor(end / this.columnMs));
    const row = role * this.#width;
    if (a === b) {
      this.#part[row + a]! += (end - start) * weight;
      return;
    }
    this.#part[row + a]! += ((a + 1) * this.columnMs - start) * weight;
    this.#part[row + b]! += (end - b * this.columnMs) * weight;
    const whole = role * (this.#width + 1);
    this.#whole[whole + a + 1]! += weight;
    this.#whole[whole + b]! -= weight;
  }

  /** Milliseconds of `role` in column `c`, once everything is added. */
  at(role: number, c: number): number {
    if (!this.#summed) this.#sum();
    return this.#part[role * this.#width + c]!;
  }

  /** Milliseconds of any role in column `c`: how long what was added lived in it. */
  alive(c: number): number {
    let sum = 0;
    for (let role = 0; role < ROLES; role++) sum += this.at(role, c);
    return sum;
  }

  /** Folds the whole columns into the partial ones: `at` then reads one number. */
  #sum(): void {
    this.#summed = true;
    for (let role = 0; role < ROLES; role++) {
      let covering = 0;
      const whole = role * (this.#width + 1);
      const row = role * this.#width;
      for (let c = 0; c < this.#width; c++) {
        covering += this.#whole[whole + c]!;
        this.#part[row + c]! += covering * this.columnMs;
      }
    }
  }
}
