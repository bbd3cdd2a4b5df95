import { executionAsyncId } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { isSettled, kindCode, KINDS, stateCode, STATES, type Kind, type State } from '../runtime/states.js';
import type { EntityRecord, Tracker } from '../runtime/tracker.js';

/** How the probe reads one kind of resource: all by looking at the object Node gave the program. */
export interface Rule<T extends object> {
  readonly kind: Kind;
  /** Its name on screen, read when it is first shown. */
  name(target: T): string;
  /** Where it is now: a live state, or how it ended. */
  state(target: T): State;
  /** Words for how it ended (an exit code, a status), read once it has. */
  outcome?(target: T): string | undefined;
}

/** A resource the probe watches, from the moment the program made it until it ends. */
class Slot<T extends object = object> {
  /** Its entity, once it lived long enough to be shown. */
  rec: EntityRecord | undefined = undefined;
  /** Until its first tick: the slot whose callback was running when it was made. */
  parent: Slot | undefined;
  /** Public id of the nearest shown ancestor, found at its first tick. */
  parentId: string | undefined = undefined;

  constructor(
    readonly rule: Rule<T>,
    readonly target: T,
    readonly createdUs: number,
    parent: Slot | undefined,
    readonly asyncId: number | undefined,
  ) {
    this.parent = parent;
  }
}

/**
 * What a traced program's process shows, kept small by age: everything it makes starts young and
 * costs a push; what is still alive at the next tick (every 20 ms) is shown, as an entity of the
 * process's tracker, and what ended before then is only counted (a tally by kind and state).
 * Shown resources are looked at each tick to see where they are now. A program making a million
 * short-lived things sends a few counts a tick, and keeps no memory of them.
 */
export class Probe {
  readonly tracker: Tracker;
  /** Resources made since the last tick, in the order they were made. */
  #young: Slot[] = [];
  /** Resources shown and not yet ended. */
  #live: Slot[] = [];
  /** Live resources by their async id, so that what their callbacks make is nested under them. */
  readonly #byAsyncId = new Map<number, Slot>();
  readonly #tallies = new Float64Array(KINDS.length * STATES.length);
  readonly #tickers: (() => void)[] = [];

  constructor(tracker: Tracker) {
    this.tracker = tracker;
  }

  /** Microseconds since the process's tracker started, as its records keep times. */
  nowUs(): number {
    return Math.round((performance.now() - this.tracker.t0) * 1000);
  }

  /** Starts watching `target`, made now while the resource `context` ran its callback. */
  watch<T extends object>(rule: Rule<T>, target: T, asyncId?: number, context: number = executionAsyncId()): void {
    const slot = new Slot(rule, target, this.nowUs(), this.#byAsyncId.get(context), asyncId);
    this.#young.push(slot as Slot);
    if (asyncId !== undefined) this.#byAsyncId.set(asyncId, slot as Slot);
  }

  /** Public id of the shown resource whose callback is `context`, if there is one. */
  parentOf(context: number): string | undefined {
    const slot = this.#byAsyncId.get(context);
    return slot && (slot.rec?.id ?? slot.parentId);
  }

  /** Counts `count` entities of `kind` that ended in `state` without being shown. */
  count(kind: Kind, state: State, count = 1): void {
    if (count > 0) this.#tallies[kindCode(kind) * STATES.length + stateCode(state)]! += count;
  }

  /** Also called each tick, before the resources are looked at (promises, the fs gauge). */
  onTick(ticker: () => void): void {
    this.#tickers.push(ticker);
  }

  /** Shows what lived long enough, looks at what is shown, and sends the counts. */
  tick(): void {
    const young = this.#young;
    this.#young = [];
    for (const slot of young) this.#first(slot);
    for (const ticker of this.#tickers) ticker();
    this.#live = this.#live.filter((slot) => this.#look(slot));
    this.#sendTallies();
  }

  /** A young resource's first tick: shown if it is still alive, else counted. */
  #first(slot: Slot): void {
    const parent = slot.parent;
    slot.parent = undefined;
    slot.parentId = parent && (parent.rec?.id ?? parent.parentId);
    const state = slot.rule.state(slot.target);
    if (isSettled(state)) {
      this.count(slot.rule.kind, state);
      this.#forget(slot);
      return;
    }
    slot.rec = this.tracker.adopt(slot.rule.kind, slot.rule.name(slot.target), state, slot.createdUs, slot.parentId, undefined);
    this.#live.push(slot);
  }

  /** A shown resource, looked at again: false once it has ended. */
  #look(slot: Slot): boolean {
    const state = slot.rule.state(slot.target);
    const rec = slot.rec!;
    if (state === rec.state) return true;
    if (!isSettled(state)) {
      this.tracker.setState(rec, state);
      // What it is called may be known only now (a socket's address, once connected).
      const name = slot.rule.name(slot.target);
      if (name !== rec.name) this.tracker.rename(rec, name);
      return true;
    }
    this.tracker.mirrorState(rec, state, this.nowUs(), slot.rule.outcome?.(slot.target));
    this.#forget(slot);
    return false;
  }

  #forget(slot: Slot): void {
    if (slot.asyncId !== undefined && this.#byAsyncId.get(slot.asyncId) === slot) this.#byAsyncId.delete(slot.asyncId);
  }

  #sendTallies(): void {
    const tallies = this.#tallies;
    for (let i = 0; i < tallies.length; i++) {
      if (tallies[i] === 0) continue;
      this.tracker.tally(KINDS[Math.floor(i / STATES.length)]!, STATES[i % STATES.length]!, tallies[i]!);
      tallies[i] = 0;
    }
  }
}
