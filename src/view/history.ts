import { isSettled, STATES, type State } from '../runtime/states.js';
import { HISTORY_KEEP_HEAD, type EntityView } from '../runtime/tracker.js';

/** A stretch of an entity's life in one state, in ms into the run. */
export interface Stretch {
  readonly state: State;
  readonly at: number;
  /** How long it lasted, up to `now` for the state it is in; undefined for the settled end. */
  readonly lasted: number | undefined;
  /** Changes folded away just before this stretch (its start is then that of the first one kept after them). */
  readonly foldedBefore: number;
}

/**
 * The stretches of an entity's kept history, oldest first; a folded history's gap (its changes
 * dropped from the middle) is told on the first stretch after it. Empty when no history is kept.
 */
export function stretches(e: EntityView, now: number): Stretch[] {
  const h = e.history;
  if (h === undefined) return [];
  const out: Stretch[] = [];
  for (let k = 0; k < h.length; k += 2) {
    const state = STATES[h.pairs[k + 1]!]!;
    const at = h.pairs[k]! / 1000;
    const end = k + 2 < h.length ? h.pairs[k + 2]! / 1000 : isSettled(state) ? undefined : now;
    const foldedBefore = h.folded > 0 && k === HISTORY_KEEP_HEAD ? h.folded : 0;
    out.push({ state, at, lasted: end === undefined ? undefined : Math.max(0, end - at), foldedBefore });
  }
  return out;
}

/**
 * Where an entity's time went, in ms (tokio-console's busy / scheduled / idle): running (its code
 * held the thread), waiting (suspended at an await), pending (made, not yet started), and its
 * whole life so far. Busy and waiting count folded stretches too.
 */
export interface TimeSplit {
  readonly lived: number;
  readonly busy: number;
  readonly waiting: number;
  readonly pending: number;
}

export function timeSplit(e: EntityView, now: number): TimeSplit | undefined {
  const h = e.history;
  if (h === undefined) return undefined;
  const end = e.settled ?? now;
  // The totals stop at the last change; the state it is in now has lasted since then.
  const since = h.length > 0 ? end - h.pairs[h.length - 2]! / 1000 : 0;
  return {
    lived: end - e.created,
    busy: h.busyUs / 1000 + (e.state === 'running' ? since : 0),
    waiting: h.waitUs / 1000 + (e.state === 'waiting' ? since : 0),
    pending: (e.started ?? end) - e.created,
  };
}
