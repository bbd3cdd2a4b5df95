import { isSettled, STATES, type Kind, type State } from '../runtime/states.js';
import { HISTORY_KEEP_HEAD, type EntityView, type StateHistory } from '../runtime/tracker.js';
import { BLOCKED, ColumnTimes, CREATED, PAUSED, PENDING, RUNNING, WAITING } from './column-times.js';
import type { MarkIndex } from './mark-index.js';

/** True for each state code an entity never leaves. */
const SETTLES = STATES.map(isSettled);
/** Each state's code, looked up by name (a view made by hand has only its state's name). */
const CODE = Object.fromEntries(STATES.map((s, i) => [s, i])) as Readonly<Record<State, number>>;

/**
 * True for kinds whose running is on the loop's thread: a worker or a process runs on its own, so
 * the loop blocked by someone else's code did not stop it, and a block is never its doing.
 */
function onLoop(kind: Kind): boolean {
  return kind !== 'worker' && kind !== 'process';
}

/**
 * Adds the life of `e` up to `now` to `times`, stretch by stretch in the state it was in: from
 * its history when the mirror kept one (a walk of its pairs, a few hundred at most), else from its
 * creation, start and end. The marks cut each stretch: a step pause froze every entity alive,
 * and a block is counted only where this entity's own code was running through it.
 */
export function addLife(times: ColumnTimes, e: EntityView, now: number, marks: MarkIndex, weight = 1): void {
  const blocks = marks.count > 0 && onLoop(e.kind);
  const history = e.history;
  if (history === undefined) {
    addFromTimes(times, e, now, marks, blocks, weight);
    return;
  }
  const pairs = history.pairs;
  const n = history.length;
  const gapEnd = history.folded > 0 ? HISTORY_KEEP_HEAD : -1;
  const gap = gapEnd > 0 ? gapShares(history) : undefined;
  for (let i = 0; i < n; i += 2) {
    const code = pairs[i + 1]!;
    if (SETTLES[code]) return;
    const from = pairs[i]! / 1000;
    const to = i + 2 < n ? pairs[i + 2]! / 1000 : now;
    if (i + 2 === gapEnd && gap !== undefined) {
      // The folded changes: as much running and waiting as the totals say, spread over the gap.
      addCut(times, RUNNING, from, to, marks, blocks, weight * gap);
      addCut(times, WAITING, from, to, marks, blocks, weight * (1 - gap));
    } else {
      addCut(times, code, from, to, marks, blocks, weight);
    }
  }
}

/** A view made by hand (no history): not started, then running or in its live state, until it settled. */
function addFromTimes(times: ColumnTimes, e: EntityView, now: number, marks: MarkIndex, blocks: boolean, weight: number): void {
  const end = e.settled ?? now;
  const code = CODE[e.state];
  const before = e.started === undefined && !SETTLES[code] ? code : e.kind === 'coroutine' ? CREATED : PENDING;
  addCut(times, before, e.created, e.started ?? end, marks, blocks, weight);
  if (e.started === undefined) return;
  addCut(times, e.settled === undefined ? code : RUNNING, e.started, end, marks, blocks, weight);
}

/**
 * The share of the folded gap of a history spent running: what the busy and waiting totals hold
 * beyond the stretches still in the list. Undefined when the totals leave nothing to share.
 */
function gapShares(history: StateHistory): number | undefined {
  const { pairs, length } = history;
  let busy = history.busyUs;
  let waited = history.waitUs;
  // The totals count every stretch that ended: all but the gap and the last one, still open.
  for (let i = 0; i + 2 < length; i += 2) {
    if (i + 2 === HISTORY_KEEP_HEAD) continue;
    const lasted = pairs[i + 2]! - pairs[i]!;
    if (pairs[i + 1] === RUNNING) busy -= lasted;
    else if (pairs[i + 1] === WAITING) waited -= lasted;
  }
  busy = Math.max(0, busy);
  waited = Math.max(0, waited);
  return busy + waited > 0 ? busy / (busy + waited) : undefined;
}

/** Adds [from, to) as `role`, less what a pause froze and, for running code, what a block held. */
function addCut(times: ColumnTimes, role: number, from: number, to: number, marks: MarkIndex, blocks: boolean, weight: number): void {
  if (marks.count === 0) {
    times.add(role, from, to, weight);
    return;
  }
  let t = from;
  for (let k = marks.firstEndingAfter(from); k < marks.count && marks.starts[k]! < to; k++) {
    const paused = marks.paused[k] === 1;
    if (!paused && !(blocks && role === RUNNING)) continue;
    const start = Math.max(marks.starts[k]!, t);
    const end = Math.min(marks.ends[k]!, to);
    if (end <= start) continue;
    times.add(role, t, start, weight);
    times.add(paused ? PAUSED : BLOCKED, start, end, weight);
    t = end;
  }
  times.add(role, t, to, weight);
}
