/** Slots a ring starts with; it doubles as events come, up to its capacity. */
const FIRST_SIZE = 256;

/**
 * A bounded log of events as parallel arrays (time, code, a number, a reference), so appending
 * allocates nothing once the ring has grown. It starts small and doubles until it reaches its
 * capacity, then overwrites the oldest: a run that logs little costs a few KB, not the full ring.
 * Events are addressed by their absolute position (0 for the first ever appended).
 */
export class EventRing {
  readonly capacity: number;
  #size: number;
  #t: Float64Array;
  #code: Uint8Array;
  #num: Float64Array;
  #ref: unknown[];
  /** Events appended so far; the next one's position. */
  head = 0;

  constructor(capacity: number) {
    this.capacity = Math.max(0, Math.floor(capacity));
    this.#size = Math.min(FIRST_SIZE, this.capacity);
    this.#t = new Float64Array(this.#size);
    this.#code = new Uint8Array(this.#size);
    this.#num = new Float64Array(this.#size);
    this.#ref = new Array<unknown>(this.#size).fill(undefined);
  }

  /** Position of the oldest event still held. */
  get oldest(): number {
    return Math.max(0, this.head - this.#size);
  }

  push(t: number, code: number, num: number, ref: unknown): void {
    // A ring of no capacity keeps nothing: every event counts as dropped.
    if (this.capacity === 0) {
      this.head++;
      return;
    }
    if (this.head === this.#size && this.#size < this.capacity) this.#grow();
    const i = this.head % this.#size;
    this.#t[i] = t;
    this.#code[i] = code;
    this.#num[i] = num;
    this.#ref[i] = ref;
    this.head++;
  }

  t(position: number): number {
    return this.#t[position % this.#size]!;
  }

  code(position: number): number {
    return this.#code[position % this.#size]!;
  }

  num(position: number): number {
    return this.#num[position % this.#size]!;
  }

  ref(position: number): unknown {
    return this.#ref[position % this.#size];
  }

  /** Doubles the slots. Only called while nothing has wrapped, so positions stay where they are. */
  #grow(): void {
    const size = Math.min(this.#size * 2, this.capacity);
    const t = new Float64Array(size);
    const code = new Uint8Array(size);
    const num = new Float64Array(size);
    t.set(this.#t);
    code.set(this.#code);
    num.set(this.#num);
    this.#ref.length = size;
    this.#ref.fill(undefined, this.#size);
    this.#t = t;
    this.#code = code;
    this.#num = num;
    this.#size = size;
  }
}
