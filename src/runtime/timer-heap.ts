/**
 * asyncio's `_scheduled` heap on one Node timer. Timers are kept in order of their due time, ties
 * in the order they were made, and one real `setTimeout` is armed for the earliest. When it fires,
 * every timer then due rings, in that order: asyncio's `_run_once` pops them the same way.
 *
 * One Node timer per sleep would not keep that order: Node files a timer under its whole-millisecond
 * delay, so of two sleeps made a few microseconds apart for the same length, the later one may land
 * a millisecond earlier (and three `sleep(100)` of one turn would ring 2, 3, 1).
 */

/** How early (ms) a timer may ring: Node's timers count whole milliseconds of a coarser clock. */
const RESOLUTION_MS = 0.5;
/** The longest delay Node's timers take (about 24.8 days); longer ones would fire after 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface Later {
  cancel(): void;
}

class Entry implements Later {
  cancelled = false;

  constructor(
    private readonly heap: TimerHeap,
    readonly due: number,
    readonly seq: number,
    readonly ring: () => void,
  ) {}

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.heap.dropped();
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}

export class TimerHeap {
  readonly #heap: Entry[] = [];
  #seq = 0;
  /** Timers not cancelled yet; the heap may also hold cancelled ones until they come up. */
  #live = 0;
  #handle: NodeJS.Timeout | undefined;
  #armedFor = Infinity;
  /** Timers are ringing: the Node timer is armed once they have, not for each timer made meanwhile. */
  #firing = false;

  /** `now` is the clock the due times are on (the run's own time, see Clock). */
  constructor(private readonly now: () => number) {}

  /** Rings `ring` once `now()` reaches `due`, unless cancelled first. */
  add(due: number, ring: () => void): Later {
    const entry = new Entry(this, due, this.#seq++, ring);
    this.#push(entry);
    this.#live++;
    if (!this.#firing && due < this.#armedFor) this.#arm();
    return entry;
  }

  /** A timer was cancelled: with none left alive, the Node timer goes (it would hold the process). */
  dropped(): void {
    this.#live--;
    if (this.#live > 0) {
      // asyncio's rule: compact once cancelled timers are most of the heap.
      if (this.#heap.length > 100 && this.#live * 2 < this.#heap.length) this.#compact();
      return;
    }
    this.#heap.length = 0;
    this.#disarm();
  }

  #fire = (): void => {
    this.#handle = undefined;
    this.#armedFor = Infinity;
    const until = this.now() + RESOLUTION_MS;
    // Taken out before any rings: timers made while these ring wait for the next firing, even
    // ones due at once, as asyncio's next iteration.
    const due: Entry[] = [];
    for (let head = this.#heap[0]; head !== undefined && head.due <= until; head = this.#heap[0]) {
      this.#pop();
      if (!head.cancelled) due.push(head);
    }
    let next = 0;
    this.#firing = true;
    try {
      while (next < due.length) {
        const entry = due[next++]!;
        if (entry.cancelled) continue;
        entry.cancelled = true;
        this.#live--;
        entry.ring();
      }
    } finally {
      this.#firing = false;
      // A ring that threw leaves the rest to the next firing.
      for (const entry of due.slice(next)) if (!entry.cancelled) this.#push(entry);
      this.#arm();
    }
  };

  #arm(): void {
    this.#disarm();
    while (this.#heap[0]?.cancelled) this.#pop();
    const head = this.#heap[0];
    if (head === undefined) return;
    this.#armedFor = head.due;
    this.#handle = setTimeout(this.#fire, Math.min(Math.max(0, head.due - this.now()), MAX_TIMER_MS));
  }

  #disarm(): void {
    if (this.#handle !== undefined) clearTimeout(this.#handle);
    this.#handle = undefined;
    this.#armedFor = Infinity;
  }

  #compact(): void {
    const kept = this.#heap.filter((entry) => !entry.cancelled);
    this.#heap.length = 0;
    for (const entry of kept) this.#push(entry);
  }

  #push(entry: Entry): void {
    const heap = this.#heap;
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop()!;
    if (heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, last)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
  }
}
