import type { Kind } from '../runtime/states.js';
import { KIND_LOOK } from './looks.js';
import type { EntityView } from '../runtime/tracker.js';
import { walkTree, type Walk } from './tree.js';

/** An entity in display order, with its depth under the entity it hangs from. */
export interface Row {
  readonly entity: EntityView;
  readonly depth: number;
  /** Shown only so that a nesting reads (an ancestor of a filter's match), not a match itself. */
  readonly context?: boolean;
}

/** Rows in display order. An array is one; the task table's list makes each row only when read. */
export interface RowList {
  readonly length: number;
  at(index: number): Row | undefined;
  /** The row of entity `id`, -1 when it is not among them; lists that can find it faster than a scan have it. */
  rowOf?(id: string): number;
}

const ordered = new WeakMap<readonly EntityView[], readonly Row[]>();

/** The number in a public id (`t42` → 42), NaN when there is none. */
export function seqOf(id: string): number {
  let at = 0;
  while (at < id.length && (id.charCodeAt(at) < 48 || id.charCodeAt(at) > 57)) at++;
  return at < id.length ? Number(id.slice(at)) : Number.NaN;
}

/**
 * Finds entities by public id in a snapshot's list. The list is in creation order, so in `seq`
 * order, and an id carries its seq: a binary search, no map of every id. Siblings share their
 * parent, so the last answer is kept. A list that is not so ordered (hand-made) gets a map.
 */
export function idFinder(entities: readonly EntityView[]): (id: string) => number {
  let lastId: string | undefined;
  let lastAt = -1;
  let byId: Map<string, number> | undefined;
  const search = (id: string): number => {
    const seq = seqOf(id);
    let lo = 0;
    let hi = entities.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = entities[mid]!.seq;
      if (at === seq) {
        if (entities[mid]!.id === id) return mid;
        break;
      }
      if (at < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    if (!byId) {
      byId = new Map();
      entities.forEach((e, i) => byId!.set(e.id, i));
    }
    return byId.get(id) ?? -1;
  };
  return (id) => {
    if (id !== lastId) {
      lastId = id;
      lastAt = search(id);
    }
    return lastAt;
  };
}

/** The last list ordered, the walk found for it, and the rows made from it. */
let last: { entities: readonly EntityView[]; walk: Walk; rows: readonly Row[] } | undefined;

/**
 * The rows of `entities` from the last list's when the two have the same shape (the same
 * entities with the same creators, in the same places: the tree is the same), else undefined.
 * A view that did not change is the same object, so most places cost one comparison; only the
 * entities whose view changed get a new row.
 */
function reusedRows(entities: readonly EntityView[]): readonly Row[] | undefined {
  if (last === undefined || last.entities.length !== entities.length) return undefined;
  const { entities: before, walk, rows: kept } = last;
  let rows: Row[] | undefined;
  for (let i = 0; i < entities.length; i++) {
    const x = before[i]!;
    const y = entities[i]!;
    if (x === y) continue;
    if (x.id !== y.id || x.parent !== y.parent) return undefined;
    rows ??= kept.slice();
    const k = walk.rowOf[i]!;
    rows[k] = { entity: y, depth: walk.depth[k]! };
  }
  // Nothing changed: the same rows (a panel given the same rows need not draw them again).
  return rows ?? kept;
}

/**
 * Entities in creation order, each followed by the ones it created (depth + 1). An entity whose
 * parent is not retained (or not older than itself) is a root. Cached per snapshot array, which
 * is frozen. A new list of the same shape as the last (states changed, nothing created or folded:
 * most frames of a busy run) reuses its walk, and the rows of entities that did not change.
 */
export function orderRows(entities: readonly EntityView[]): readonly Row[] {
  const cached = ordered.get(entities);
  if (cached) return cached;
  let rows = reusedRows(entities);
  let walk = last?.walk;
  if (rows === undefined || walk === undefined) {
    walk = byTree(entities, idFinder(entities));
    const fresh = new Array<Row>(walk.order.length);
    for (let k = 0; k < fresh.length; k++) fresh[k] = { entity: entities[walk.order[k]!]!, depth: walk.depth[k]! };
    rows = fresh;
  }
  // Not frozen, though no one may change it: copying a frozen array takes V8's slow path (5x
  // slower for 100,000 rows), and the next list of the same shape starts from a copy of this one.
  ordered.set(entities, rows);
  last = { entities, walk, rows };
  return rows;
}

/** The walk of the created-by tree: an entity whose parent is not retained, or not older than itself, is a root. */
function byTree(entities: readonly EntityView[], find: (id: string) => number): Walk {
  const parentOf = new Int32Array(entities.length);
  for (let i = 0; i < entities.length; i++) {
    const parent = entities[i]!.parent;
    const p = parent === undefined ? -1 : find(parent);
    parentOf[i] = p < i ? p : -1;
  }
  return walkTree(entities.length, parentOf);
}

/**
 * First row to show when `count` rows share `height` lines: the selection stays in view
 * (centred); without one, the newest rows show, as a log would.
 */
export function windowStart(count: number, height: number, selected: number): number {
  if (count <= height || height <= 0) return 0;
  if (selected < 0) return count - height;
  return Math.min(count - height, Math.max(0, selected - Math.floor(height / 2)));
}

/** Where a selection is among the rows. */
export interface RowPlace {
  /** Its row; -1 with no selection. When it is gone, the row that took its place (rows.length if none). */
  readonly at: number;
  /** True when the selected entity is no longer among the rows (it settled and was folded away). */
  readonly gone: boolean;
}

/**
 * Where `id` is in `rows`. A selected entity that settles may be folded away while selected (a
 * busy run folds hundreds a second): it is then placed where it was, before the first row created
 * after it, so the list and the next move go on from there instead of jumping.
 */
export function findRow(rows: RowList, id: string | undefined): RowPlace {
  if (id === undefined) return { at: -1, gone: false };
  const at = rows.rowOf ? rows.rowOf(id) : scan(rows, (e) => e.id === id);
  if (at >= 0) return { at, gone: false };
  const seq = seqOf(id);
  const after = scan(rows, (e) => e.seq > seq);
  return { at: after < 0 ? rows.length : after, gone: true };
}

/** The first row whose entity passes `test`, -1 for none. */
function scan(rows: RowList, test: (e: EntityView) => boolean): number {
  for (let i = 0; i < rows.length; i++) if (test(rows.at(i)!.entity)) return i;
  return -1;
}

/**
 * The id `delta` rows away from `current` in `rows`: from where it was if it is gone; from
 * nothing, down picks the first row and up the last.
 */
export function moveSelection(rows: RowList, current: string | undefined, delta: number): string | undefined {
  if (rows.length === 0) return undefined;
  const { at, gone } = findRow(rows, current);
  // A gone row sits between the rows before and after it: one down is the row after it.
  const next = at < 0 ? (delta > 0 ? 0 : rows.length - 1) : gone && delta > 0 ? at + delta - 1 : at + delta;
  return rows.at(Math.min(rows.length - 1, Math.max(0, next)))!.entity.id;
}

/**
 * Column widths of a task row in `width` columns (marks, name, kind, state, start, time), each
 * with its gap; the result takes the rest. A width of 0 leaves the column out.
 */
export interface RowColumns {
  /** State icon, warning mark, selection mark and a gap. */
  readonly marks: number;
  readonly name: number;
  readonly kind: number;
  readonly state: number;
  /** When it was created, in the run's time. */
  readonly start: number;
  /** How long it has lived. */
  readonly time: number;
  /** Kind names in full (`coroutine`) or short (`coro`). */
  readonly fullKind: boolean;
  /** Room for a row's warnings in words, before its result. */
  readonly warningWords: boolean;
}

const WIDEST: RowColumns = Object.freeze({ marks: 4, name: 22, kind: 10, state: 10, start: 8, time: 7, fullKind: true, warningWords: true });
const WIDE: RowColumns = Object.freeze({ marks: 4, name: 18, kind: 10, state: 10, start: 0, time: 7, fullKind: true, warningWords: false });
const MEDIUM: RowColumns = Object.freeze({ marks: 4, name: 14, kind: 5, state: 9, start: 0, time: 7, fullKind: false, warningWords: false });
const NARROW: RowColumns = Object.freeze({ marks: 4, name: 10, kind: 5, state: 9, start: 0, time: 6, fullKind: false, warningWords: false });

/** Narrow panels keep name and state readable and give the result what is left (7 columns at 80x24, 26 at 160x48). */
export function rowColumns(width: number): RowColumns {
  return width >= 80 ? WIDEST : width >= 64 ? WIDE : width >= 52 ? MEDIUM : NARROW;
}

export function kindLabel(kind: Kind, full: boolean): string {
  return full ? kind : KIND_LOOK[kind].short;
}
