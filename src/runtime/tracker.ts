import { performance } from 'node:perf_hooks';
import { errorText } from './errors.js';
import { EventRing } from './event-ring.js';
import { callerOf } from './sites.js';
import { shownValue, valueText } from './repr.js';
import { BLOCKING_MS, isSettled, KIND_RULES, kindCode, KINDS, stateCode, STATES, WARNINGS, type Kind, type State, type Warning } from './states.js';

/** One entity as a snapshot shows it: frozen, never mutated afterwards. */
export interface EntityView {
  /** Public id: kind prefix and sequence number, e.g. `t2`. Never reused within a run. */
  readonly id: string;
  readonly seq: number;
  readonly kind: Kind;
  readonly name: string;
  readonly state: State;
  /** Real milliseconds since the run started. */
  readonly created: number;
  readonly started: number | undefined;
  readonly settled: number | undefined;
  readonly value: string | undefined;
  readonly error: string | undefined;
  /** Public id of the task that created this one. */
  readonly parent: string | undefined;
  /** Extra words: a task's coroutine, a process id. */
  readonly detail: string | undefined;
  /** A resolved value as each code view writes it: Node's inspect (`ts`) and Python's repr (`py`). */
  readonly shown: ShownValue | undefined;
  /** Public id of the entity it is suspended on now (a waiting task), when that one is tracked. */
  readonly awaiting: string | undefined;
  /** What is wrong with it, in WARNINGS order; `blocked` comes with the longest stretch, in `blockedMs`. */
  readonly warnings: readonly Warning[];
  readonly blockedMs: number | undefined;
  /** Where in the program it was made (`scenarios/futures.ts:23`), when that was looked up. */
  readonly site: string | undefined;
  /** Its state changes, when the tracker keeps them (a mirror does). */
  readonly history: StateHistory | undefined;
}

export interface ShownValue {
  readonly ts: string;
  readonly py: string;
}

/**
 * An entity's state changes so far: `pairs` holds `[us, stateCode]` pairs, oldest first, of which
 * the first `length` numbers are this view's (the array only grows past them). `folded` changes
 * were dropped from the middle when the list filled up; the busy and waiting totals count them.
 */
export interface StateHistory {
  readonly pairs: readonly number[];
  readonly length: number;
  readonly folded: number;
  /** Microseconds spent running (its code held the thread) and waiting (suspended), up to the last change. */
  readonly busyUs: number;
  readonly waitUs: number;
}

/** A captured console line. */
export interface LogLine {
  readonly t: number;
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

/** A stretch of run time that was not work: the thread blocked, or the run paused at a step. */
export interface Mark {
  readonly kind: 'blocked' | 'paused';
  readonly start: number;
  readonly end: number;
}

/** The last `ctx.step` reached. */
export interface StepView {
  readonly t: number;
  readonly label: string;
  readonly line: number | undefined;
}

/** An immutable picture of a run, cheap to take and safe to hand to a renderer. */
export interface Snapshot {
  readonly version: number;
  readonly now: number;
  /** Retained entities in creation order: every unsettled one and the newest settled ones. */
  readonly entities: readonly EntityView[];
  /** Every entity ever tracked, by current state, folded ones included. */
  readonly counts: Readonly<Record<State, number>>;
  readonly total: number;
  /**
   * Settled entities not in `entities`: dropped to bound memory, or never listed (a traced
   * program's entity that was over before it was shown, counted in its own process).
   */
  readonly folded: number;
  readonly logs: readonly LogLine[];
  readonly droppedLogs: number;
  readonly marks: readonly Mark[];
  readonly step: StepView | undefined;
}

/** An event read back from the log, in the order it happened. */
export type TrackerEvent =
  | { readonly type: 'state'; readonly t: number; readonly entity: EntityView }
  | { readonly type: 'log'; readonly t: number; readonly stream: 'stdout' | 'stderr'; readonly text: string }
  | { readonly type: 'step'; readonly t: number; readonly label: string; readonly line: number | undefined }
  | { readonly type: 'mark'; readonly t: number; readonly mark: Mark };

/** Numbers of a history kept before its middle is folded: the start and the newest changes stay. */
const HISTORY_MAX = 512;
/**
 * Numbers of a history's head, kept when its middle is folded: a folded history's dropped changes
 * lay between `pairs[HISTORY_KEEP_HEAD - 2]` and `pairs[HISTORY_KEEP_HEAD]` (the lanes draw that
 * stretch from the busy and waiting totals).
 */
export const HISTORY_KEEP_HEAD = 16;

/** Each set of warnings as a frozen list, by its bits (bit i: WARNINGS[i]): views share them. */
const WARNING_LISTS: readonly (readonly Warning[])[] = Array.from({ length: 1 << WARNINGS.length }, (_, bits) =>
  Object.freeze(WARNINGS.filter((_w, i) => bits & (1 << i))),
);

/** What few entities need: made on demand, so the many that never need it cost one empty field. */
export class RecordMore {
  /** `[us, stateCode]` pairs; replaced, never cut, when full (views hold the old array). */
  history: number[] | undefined = undefined;
  folded = 0;
  busyUs = 0;
  waitUs = 0;
  awaiting: string | undefined = undefined;
  /** Bit i set: WARNINGS[i] holds. */
  warnings = 0;
  blockedMs = 0;
  site: string | undefined = undefined;
  /** A mirrored entity's value as its run wrote it for each code view. */
  shown: ShownValue | undefined = undefined;

  /** Adds a change; a full list keeps its head and its newest half, and counts what it dropped. */
  record(us: number, code: number): void {
    let pairs = this.history!;
    if (pairs.length >= HISTORY_MAX) {
      const tail = pairs.slice(pairs.length - HISTORY_MAX / 2);
      this.folded += (pairs.length - HISTORY_KEEP_HEAD - tail.length) / 2;
      pairs = this.history = [...pairs.slice(0, HISTORY_KEEP_HEAD), ...tail];
    }
    pairs.push(us, code);
  }

  view(): StateHistory | undefined {
    const pairs = this.history;
    return pairs && { pairs, length: pairs.length, folded: this.folded, busyUs: this.busyUs, waitUs: this.waitUs };
  }
}

/** The tracker's own record of an entity; mutated in place so tracking allocates nothing per change. */
export class EntityRecord {
  state: State;
  /**
   * Times in whole microseconds since the run started, -1 for not yet: small integers are stored
   * in the object itself, where a fractional millisecond would be one more heap number each.
   */
  startedUs = -1;
  settledUs = -1;
  /** The raw result (resolved) or error (rejected, cancelled); turned into text only when shown. */
  outcome: unknown = undefined;
  /** The frozen view of the current state; dropped at each change. */
  view: EntityView | undefined = undefined;
  /** Place in the order entities settled (0 for the first), -1 while unsettled: what folding goes by. */
  settleOrder = -1;
  /** When it entered its current state (whole microseconds), where the tracker read the clock. */
  changedUs: number;
  /** Its history, what it awaits, its warning, where it was made: for the few that have them. */
  more: RecordMore | undefined = undefined;
  /** A name, or the number of a default one (`Task-3`) until it is first shown. */
  #naming: string | number;
  #id: string | undefined = undefined;

  constructor(
    readonly seq: number,
    readonly kind: Kind,
    naming: string | number,
    state: State,
    readonly createdUs: number,
    readonly parent: string | undefined,
    public detail: string | undefined,
    /** The live object (Future, Task...) behind this entity, for actions such as cancel. */
    readonly handle: unknown,
  ) {
    this.state = state;
    this.#naming = naming;
    this.changedUs = createdUs;
  }

  rename(name: string): void {
    this.#naming = name;
  }

  /** Its name, or the number of its default one while that was not yet needed as text. */
  get naming(): string | number {
    return this.#naming;
  }

  get name(): string {
    const naming = this.#naming;
    return typeof naming === 'string' ? naming : (this.#naming = `${KIND_RULES[this.kind].series}-${naming}`);
  }

  /** Real milliseconds since the run started. */
  get created(): number {
    return this.createdUs / 1000;
  }

  get started(): number | undefined {
    return this.startedUs < 0 ? undefined : this.startedUs / 1000;
  }

  get settled(): number | undefined {
    return this.settledUs < 0 ? undefined : this.settledUs / 1000;
  }

  get id(): string {
    return (this.#id ??= KIND_RULES[this.kind].prefix + this.seq);
  }

  /** The value as text, for a resolved entity or a settled one that said how (the view keeps it once made). */
  get value(): string | undefined {
    return this.state === 'resolved' || (this.state === 'settled' && this.outcome !== undefined) ? valueText(this.outcome) : undefined;
  }

  /** The value as each code view writes it, for a resolved entity. */
  get shown(): ShownValue | undefined {
    if (this.state !== 'resolved') return undefined;
    return this.more?.shown ?? shownValue(this.outcome);
  }

  /** The error as text, for a rejected or cancelled entity (the view keeps it once made). */
  get error(): string | undefined {
    return this.state === 'rejected' || this.state === 'cancelled' ? errorText(this.outcome) : undefined;
  }

  toView(): EntityView {
    if (this.view === undefined) {
      this.view = Object.freeze({
        id: this.id,
        seq: this.seq,
        kind: this.kind,
        name: this.name,
        state: this.state,
        created: this.created,
        started: this.started,
        settled: this.settled,
        value: this.value,
        error: this.error,
        parent: this.parent,
        detail: this.detail,
        shown: this.shown,
        awaiting: this.more?.awaiting,
        warnings: WARNING_LISTS[this.more?.warnings ?? 0]!,
        blockedMs: this.more?.blockedMs || undefined,
        site: this.more?.site,
        history: this.more?.view(),
      });
    }
    return this.view;
  }
}

/** A state's code: its index in STATES, as the counters and the event log store it. */
const codeOf = stateCode;

const LOG_STDOUT = 16;
const LOG_STDERR = 17;
const STEP = 18;
const MARK_BLOCKED = 19;
const MARK_PAUSED = 20;

export interface TrackerOptions {
  /** Settled entities kept for display; older settled ones are folded into counters. */
  readonly retention?: number;
  /** Capacity of the event log ring; readers that fall behind see a dropped count. */
  readonly eventCapacity?: number;
  /** Console lines kept for display. */
  readonly logCapacity?: number;
  /**
   * Also log every state change as an event (JSON output needs them; a screen reads snapshots).
   * Off by default: the log then holds only console lines, steps and marks, and keeps no
   * settled entity alive, which keeps the hot path cheap.
   */
  readonly stateEvents?: boolean;
  /**
   * Called synchronously with every console line as it is logged, so a transcript is written at
   * the moment the program prints, as plain node would write it (same order, same timing).
   */
  readonly onLog?: (stream: 'stdout' | 'stderr', text: string) => void;
  /** Told of every change as it happens, in order: how a run's events leave its process. */
  readonly sink?: TrackerSink;
  /** performance.now() of the run's start, when it is not now (a mirror of a run elsewhere). */
  readonly t0?: number;
  /** How many entities may have their creation site looked up (`noteSite`); 0 by default. */
  readonly sites?: number;
  /** Keep every entity's state changes and busy / waiting totals (the detail view and the lanes read them). */
  readonly history?: boolean;
}

/** What hears of every change of a tracker, synchronously, in the order they happen. */
export interface TrackerSink {
  /** A new entity (its record holds its kind, name, state, creation time, parent, detail). */
  entity(rec: EntityRecord): void;
  /** An entity moved to `rec.state` at `us` microseconds (settled: its outcome is set). */
  state(rec: EntityRecord, us: number): void;
  /** An entity was renamed or given a new detail. */
  named(rec: EntityRecord): void;
  log(stream: 'stdout' | 'stderr', text: string, t: number): void;
  step(label: string, line: number | undefined, t: number): void;
  mark(kind: Mark['kind'], start: number, end: number): void;
  /** A task is now suspended on `target` (a tracked future or task). */
  awaiting(rec: EntityRecord, target: EntityRecord): void;
  /** Something is wrong with an entity (`ms`: the longest stretch, for `blocked`). */
  warn(rec: EntityRecord, warning: Warning, ms: number): void;
  /** Where in the program an entity was made. */
  site(rec: EntityRecord, site: string): void;
  /** `count` more entities of `kind` ended in `state` without being listed. */
  tally(kind: Kind, state: State, count: number): void;
}

/**
 * The entity store and event log of one run. Writes are O(1) and allocation-free on the hot path;
 * listeners are told at most once per loop turn; snapshots are cached until the next change.
 */
export class Tracker {
  #t0: number;
  readonly retention: number;
  readonly logCapacity: number;
  readonly stateEvents: boolean;
  readonly #onLog: ((stream: 'stdout' | 'stderr', text: string) => void) | undefined;
  readonly #sink: TrackerSink | undefined;
  readonly #history: boolean;
  #sitesLeft: number;
  #seq = 0;
  #version = 1;
  /** Retained records in creation order, with folded ones among them until the next compaction. */
  #records: EntityRecord[] = [];
  /**
   * Entities settled so far. The first `#settled - retention` of them, in settle order, are folded:
   * folding is a count, so a settle touches no older record.
   */
  #settled = 0;
  /** Folded records already dropped from #records. */
  #dropped = 0;
  /** Entities counted but never listed (see tally). */
  #tallied = 0;
  readonly #counts = new Float64Array(STATES.length);
  #total = 0;
  #logs: LogLine[] = [];
  #droppedLogs = 0;
  #marks: Mark[] = [];
  /** The frozen lists the last snapshot gave out, kept until a line or a mark is added. */
  #logsView: readonly LogLine[] | undefined;
  #marksView: readonly Mark[] | undefined;
  #step: StepView | undefined;
  readonly #ring: EventRing;
  /** Last number given in each kind's default name series (`Task-3`), by index in KINDS. */
  readonly #numbers = new Float64Array(KINDS.length);
  readonly #listeners = new Set<() => void>();
  #notifyScheduled = false;
  #snapshot: Snapshot | undefined;

  constructor(options: TrackerOptions = {}) {
    this.#t0 = options.t0 ?? performance.now();
    this.#sink = options.sink;
    this.#history = options.history ?? false;
    this.#sitesLeft = options.sites ?? 0;
    this.retention = options.retention ?? 1000;
    this.logCapacity = options.logCapacity ?? 1000;
    this.stateEvents = options.stateEvents ?? false;
    this.#onLog = options.onLog;
    this.#ring = new EventRing(options.eventCapacity ?? 1 << 16);
  }

  /** performance.now() of the run's start. */
  get t0(): number {
    return this.#t0;
  }

  /** The run started at `t0` after all (a mirror learns it once the run's process says it began). */
  rebase(t0: number): void {
    this.#t0 = t0;
  }

  /** Real milliseconds since this tracker (the run) started. */
  now(): number {
    return performance.now() - this.#t0;
  }

  /** now() in whole microseconds, as records keep times. */
  #nowUs(): number {
    return Math.round((performance.now() - this.#t0) * 1000);
  }

  get version(): number {
    return this.#version;
  }

  /** Tracks a new entity; with no name it gets the next of its kind's series (`Task-2`). */
  add(
    kind: Kind,
    name: string | undefined,
    options: { state?: State; parent?: string; detail?: string; handle?: unknown } = {},
  ): EntityRecord {
    return this.track(kind, name, options.state ?? 'pending', options.parent, options.detail, options.handle);
  }

  /** add() with positional arguments: what Future, Task and coroutine use, with no options object. */
  track(
    kind: Kind,
    name: string | undefined,
    state: State,
    parent: string | undefined,
    detail: string | undefined,
    handle: unknown,
  ): EntityRecord {
    const number = name === undefined || KIND_RULES[kind].numbersNamed ? this.nextNumber(kind) : 0;
    return this.#add(++this.#seq, kind, name ?? number, state, this.#nowUs(), parent, detail, handle);
  }

  /**
   * An entity made earlier, at `us`, and tracked from now on (a traced program's promise that
   * lived long enough to be shown): it takes the next seq. `naming` is its name or the number of
   * its default one.
   */
  adopt(kind: Kind, naming: string | number, state: State, us: number, parent: string | undefined, detail: string | undefined): EntityRecord {
    return this.#add(++this.#seq, kind, naming, state, us, parent, detail, undefined);
  }

  /**
   * Entities that ended before anyone listed them (a traced program's short-lived promises and
   * timers, counted in its own process): they count in `counts`, `total` and `folded`, and cost
   * nothing else.
   */
  tally(kind: Kind, state: State, count: number): void {
    if (count <= 0) return;
    this.#counts[codeOf(state)]! += count;
    this.#total += count;
    this.#tallied += count;
    this.#sink?.tally(kind, state, count);
    this.#changed(undefined);
  }

  /**
   * An entity tracked elsewhere (in the run's own process), as its events tell it: `seq` must be
   * the next one, and `naming` its name or the number of its default one.
   */
  mirrorEntity(seq: number, kind: Kind, naming: string | number, state: State, us: number, parent: string | undefined, detail: string | undefined): EntityRecord {
    if (seq !== this.#seq + 1) throw new Error(`entity ${seq} out of order (expected ${this.#seq + 1})`);
    this.#seq = seq;
    return this.#add(seq, kind, naming, state, us, parent, detail, undefined);
  }

  #add(seq: number, kind: Kind, naming: string | number, state: State, us: number, parent: string | undefined, detail: string | undefined, handle: unknown): EntityRecord {
    const rec = new EntityRecord(seq, kind, naming, state, us, parent, detail, handle);
    if (this.#history) (rec.more = new RecordMore()).history = [us, codeOf(state)];
    this.#records.push(rec);
    this.#counts[codeOf(state)]! += 1;
    this.#total++;
    if (this.stateEvents) this.#ring.push(rec.created, codeOf(state), 0, rec);
    this.#sink?.entity(rec);
    this.#changed(rec);
    return rec;
  }

  /**
   * Moves an entity to a new state; a settled entity never changes again. `outcome` is the value
   * (resolved) or the error (rejected, cancelled); it is turned into text only when shown.
   */
  setState(rec: EntityRecord, state: State, outcome?: unknown): void {
    if (rec.state === state || isSettled(rec.state)) return;
    // The clock is read only when the time is kept: a start, an end, or an event told.
    const settles = isSettled(state);
    const starts = rec.startedUs < 0 && (state === 'running' || state === 'waiting');
    this.#move(rec, state, outcome, settles || starts || this.stateEvents || this.#sink !== undefined ? this.#nowUs() : 0);
  }

  /**
   * A state change at a time known from elsewhere (told by the run's own process, or seen late by
   * a traced program's probe); a settled one brings its outcome as text, and a resolved one how
   * each code view writes it.
   */
  mirrorState(rec: EntityRecord, state: State, us: number, outcome?: string, shown?: ShownValue): void {
    if (rec.state === state || isSettled(rec.state)) return;
    // A value told as text only (a traced program's, inspected where it was made) reads the same
    // in both code views: it is not quoted again as if it were a string of the program's.
    const told = shown ?? (state === 'resolved' && outcome !== undefined ? { ts: outcome, py: outcome } : undefined);
    if (told !== undefined) (rec.more ??= new RecordMore()).shown = told;
    this.#move(rec, state, outcome, us);
  }

  #move(rec: EntityRecord, state: State, outcome: unknown, us: number): void {
    const settles = isSettled(state);
    const starts = rec.startedUs < 0 && (state === 'running' || state === 'waiting');
    // Where the clock was read: how long the state it leaves lasted.
    if (us > 0) this.#left(rec, us);
    this.#counts[codeOf(rec.state)]! -= 1;
    this.#counts[codeOf(state)]! += 1;
    rec.state = state;
    if (starts) rec.startedUs = us;
    if (this.#history) rec.more!.record(us, codeOf(state));
    if (settles) {
      rec.settledUs = us;
      rec.outcome = outcome;
      rec.settleOrder = this.#settled++;
      // Drop folded records in bulk, once they are half of the list: amortised O(1) per settle.
      const holes = this.#folded() - this.#dropped;
      if (holes > 1024 && holes * 2 > this.#records.length) this.#compact();
    }
    if (this.stateEvents) this.#ring.push(us / 1000, codeOf(state), 0, rec);
    this.#sink?.state(rec, us);
    this.#changed(rec);
  }

  /** Closes the stretch `rec` spent in its state, which ends at `us`: its totals, its history, a block. */
  #left(rec: EntityRecord, us: number): void {
    const lasted = us - rec.changedUs;
    rec.changedUs = us;
    const more = rec.more;
    if (more !== undefined) {
      more.awaiting = undefined;
      if (rec.state === 'running') more.busyUs += lasted;
      else if (rec.state === 'waiting') more.waitUs += lasted;
    }
    // The mirror is told of blocks by the run itself, which saw them first.
    if (rec.state === 'running' && lasted > BLOCKING_MS * 1000 && !this.#history && lasted / 1000 > (more?.blockedMs ?? 0)) {
      this.warn(rec, 'blocked', lasted / 1000);
    }
  }

  /** A task is now suspended on `target`: the detail view and the tree say so. */
  awaiting(rec: EntityRecord, target: EntityRecord): void {
    (rec.more ??= new RecordMore()).awaiting = target.id;
    this.#sink?.awaiting(rec, target);
    this.#changed(rec);
  }

  /** The run's process told what an entity awaits (its public id), or undefined when untracked here. */
  mirrorAwaiting(rec: EntityRecord, target: string | undefined): void {
    (rec.more ??= new RecordMore()).awaiting = target;
    this.#changed(rec);
  }

  /** Marks what is wrong with an entity; for `blocked`, `ms` is its longest stretch so far. */
  warn(rec: EntityRecord, warning: Warning, ms = 0): void {
    const more = (rec.more ??= new RecordMore());
    more.warnings |= 1 << WARNINGS.indexOf(warning);
    if (warning === 'blocked') more.blockedMs = Math.max(more.blockedMs, ms);
    this.#sink?.warn(rec, warning, ms);
    this.#changed(rec);
  }

  /**
   * Looks up where the program called `api` to make `rec`, for the first entities of a run (the
   * `sites` option): a few microseconds each, so a run that makes millions does not pay for all.
   */
  noteSite<E extends { readonly record: EntityRecord }>(made: E, api: (...args: never[]) => unknown): E {
    if (this.#sitesLeft > 0) {
      this.#sitesLeft--;
      const site = callerOf(api);
      if (site !== undefined) this.site(made.record, site);
    }
    return made;
  }

  /** Where in the program an entity was made. */
  site(rec: EntityRecord, site: string): void {
    (rec.more ??= new RecordMore()).site = site;
    this.#sink?.site(rec, site);
    this.#changed(rec);
  }

  /** Gives an entity a new name (asyncio's Task.set_name). */
  rename(rec: EntityRecord, name: string): void {
    rec.rename(name);
    this.#sink?.named(rec);
    this.#changed(rec);
  }

  /** Annotates an entity (a worker's pid once known, say). */
  describe(rec: EntityRecord, detail: string): void {
    rec.detail = detail;
    this.#sink?.named(rec);
    this.#changed(rec);
  }

  log(stream: 'stdout' | 'stderr', text: string, t = this.now()): void {
    this.#logs.push({ t, stream, text });
    this.#logsView = undefined;
    // Trim in batches so a flood costs amortised O(1) per line.
    if (this.#logs.length >= this.logCapacity * 2) {
      const excess = this.#logs.length - this.logCapacity;
      this.#logs = this.#logs.slice(excess);
      this.#droppedLogs += excess;
    }
    this.#ring.push(t, stream === 'stdout' ? LOG_STDOUT : LOG_STDERR, 0, text);
    this.#sink?.log(stream, text, t);
    this.#changed(undefined);
    this.#onLog?.(stream, text);
  }

  step(label: string, line: number | undefined, t = this.now()): void {
    this.#step = { t, label, line };
    this.#ring.push(t, STEP, line ?? -1, label);
    this.#sink?.step(label, line, t);
    this.#changed(undefined);
  }

  /** Records a stretch that was not work (a block of the thread, a pause at a step). */
  mark(kind: Mark['kind'], start: number, end: number): void {
    this.#marks.push({ kind, start, end });
    this.#marksView = undefined;
    if (this.#marks.length > 400) this.#marks = this.#marks.slice(-200);
    this.#ring.push(end, kind === 'blocked' ? MARK_BLOCKED : MARK_PAUSED, start, undefined);
    this.#sink?.mark(kind, start, end);
    this.#changed(undefined);
  }

  /** Next number of a kind's default name series (`Task-1`, `Task-2`...), per run. */
  nextNumber(kind: Kind): number {
    return ++this.#numbers[kindCode(kind)]!;
  }

  /** The record behind a public or numeric id, while it is retained. */
  find(id: string | number): EntityRecord | undefined {
    const seq = typeof id === 'number' ? id : Number(id.replace(/^[a-z]+/, ''));
    // #records is in creation order, so in seq order.
    const records = this.#records;
    let lo = 0;
    let hi = records.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const rec = records[mid]!;
      if (rec.seq === seq) return this.#retains(rec) ? rec : undefined;
      if (rec.seq < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** Every retained record that has not settled. */
  unsettled(): EntityRecord[] {
    const out: EntityRecord[] = [];
    for (const rec of this.#records) if (rec.settleOrder < 0) out.push(rec);
    return out;
  }

  /** Every retained record that failed (rejected): what the end of a run looks over for unread errors. */
  settledFailures(): EntityRecord[] {
    return this.#records.filter((rec) => rec.state === 'rejected' && this.#retains(rec));
  }

  snapshot(): Snapshot {
    if (this.#snapshot?.version === this.#version) return this.#snapshot;
    // Sized up front: a large run takes one of these per frame, and growing the array by pushes
    // copied it over and over.
    const folded = this.#folded();
    const entities = new Array<EntityView>(this.#records.length - (folded - this.#dropped));
    let count = 0;
    for (const rec of this.#records) if (rec.settleOrder < 0 || rec.settleOrder >= folded) entities[count++] = rec.toView();
    entities.length = count;
    const counts = {} as Record<State, number>;
    STATES.forEach((s, i) => (counts[s] = this.#counts[i]!));
    // Lists that did not change are the same objects from snapshot to snapshot, so a panel that
    // shows only them is not drawn again.
    const logs = (this.#logsView ??= Object.freeze(this.#logs.length > this.logCapacity ? this.#logs.slice(-this.logCapacity) : this.#logs.slice()));
    const extraDropped = Math.max(0, this.#logs.length - this.logCapacity);
    this.#snapshot = Object.freeze({
      version: this.#version,
      now: this.now(),
      entities: Object.freeze(entities),
      counts: Object.freeze(counts),
      total: this.#total,
      folded: folded + this.#tallied,
      logs,
      droppedLogs: this.#droppedLogs + extraDropped,
      marks: (this.#marksView ??= Object.freeze(this.#marks.slice())),
      step: this.#step,
    });
    return this.#snapshot;
  }

  /** Events appended since `cursor` (0 for all still held); `dropped` counts those overwritten unread. */
  events(cursor: number): { events: TrackerEvent[]; next: number; dropped: number } {
    const ring = this.#ring;
    const from = Math.max(cursor, ring.oldest);
    const events: TrackerEvent[] = [];
    for (let i = from; i < ring.head; i++) events.push(this.#decode(i));
    return { events, next: ring.head, dropped: from - cursor };
  }

  /** Calls `listener` after changes, at most once per loop turn. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Tells listeners now, without waiting for the turn to end (used when a run finishes). */
  flush(): void {
    this.#notifyScheduled = false;
    for (const listener of this.#listeners) listener();
  }

  #changed(rec: EntityRecord | undefined): void {
    this.#version++;
    if (rec !== undefined) rec.view = undefined;
    if (!this.#notifyScheduled && this.#listeners.size > 0) {
      this.#notifyScheduled = true;
      setImmediate(() => {
        if (this.#notifyScheduled) this.flush();
      }).unref();
    }
  }

  /** The event at a ring position, as readers see it. */
  #decode(i: number): TrackerEvent {
    const ring = this.#ring;
    const t = ring.t(i);
    const code = ring.code(i);
    const ref = ring.ref(i);
    if (code < STATES.length) {
      const rec = ref as EntityRecord;
      const state = STATES[code]!;
      const settled = isSettled(state);
      const entity: EntityView = {
        ...rec.toView(),
        state,
        value: settled ? rec.value : undefined,
        error: settled ? rec.error : undefined,
      };
      return { type: 'state', t, entity };
    }
    if (code === LOG_STDOUT || code === LOG_STDERR) {
      return { type: 'log', t, stream: code === LOG_STDOUT ? 'stdout' : 'stderr', text: ref as string };
    }
    if (code === STEP) {
      const line = ring.num(i);
      return { type: 'step', t, label: ref as string, line: line < 0 ? undefined : line };
    }
    const mark: Mark = { kind: code === MARK_BLOCKED ? 'blocked' : 'paused', start: ring.num(i), end: t };
    return { type: 'mark', t, mark };
  }

  /** Settled entities folded into the counters: all but the newest `retention` settled. */
  #folded(): number {
    return Math.max(0, this.#settled - this.retention);
  }

  #retains(rec: EntityRecord): boolean {
    return rec.settleOrder < 0 || rec.settleOrder >= this.#folded();
  }

  #compact(): void {
    this.#records = this.#records.filter((rec) => this.#retains(rec));
    this.#dropped = this.#folded();
  }
}
