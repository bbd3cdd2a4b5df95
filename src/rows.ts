import type { State } from './runtime/states.js';
import type { EntityView } from './runtime/tracker.js';

/** An entity in display order, with its depth under the task that created it. */
export interface Row {
  readonly entity: EntityView;
  readonly depth: number;
}

const ordered = new WeakMap<readonly EntityView[], readonly Row[]>();
// One Row per entity view, so a row whose entity did not change is the same object (and memo'd
// components skip it).
const rowOf = new WeakMap<EntityView, Row>();

function rowFor(entity: EntityView, depth: number): Row {
  const cached = rowOf.get(entity);
  if (cached?.depth === depth) return cached;
  const row = Object.freeze({ entity, depth });
  rowOf.set(entity, row);
  return row;
}

/**
 * Entities in creation order, each followed by the ones it created (depth + 1). An entity whose
 * parent is no longer retained is a root. Cached per snapshot array, which is frozen.
 */
export function orderRows(entities: readonly EntityView[]): readonly Row[] {
  const cached = ordered.get(entities);
  if (cached) return cached;
  const present = new Set<string>();
  for (const e of entities) present.add(e.id);
  const children = new Map<string, EntityView[]>();
  const roots: EntityView[] = [];
  for (const e of entities) {
    if (e.parent !== undefined && e.parent !== e.id && present.has(e.parent)) {
      let list = children.get(e.parent);
      if (!list) children.set(e.parent, (list = []));
      list.push(e);
    } else {
      roots.push(e);
    }
  }
  const rows: Row[] = [];
  // Iterative depth-first walk: a long chain of tasks must not overflow the stack.
  const stack: Row[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(rowFor(roots[i]!, 0));
  while (stack.length > 0) {
    const row = stack.pop()!;
    rows.push(row);
    const kids = children.get(row.entity.id);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(rowFor(kids[i]!, row.depth + 1));
  }
  const frozen = Object.freeze(rows);
  ordered.set(entities, frozen);
  return frozen;
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

/** The id `delta` rows away from `current` in `rows`; from nothing, down picks the first row and up the last. */
export function moveSelection(rows: readonly Row[], current: string | undefined, delta: number): string | undefined {
  if (rows.length === 0) return undefined;
  const at = current === undefined ? -1 : rows.findIndex((r) => r.entity.id === current);
  const next = at < 0 ? (delta > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + delta));
  return rows[next]!.entity.id;
}

/** Column widths of a task row in `width` columns, each with its trailing gap (icon and value take the rest). */
export interface RowColumns {
  readonly name: number;
  readonly kind: number;
  readonly state: number;
  readonly elapsed: number;
  /** Kind names in full (`coroutine`) or short (`coro`). */
  readonly fullKind: boolean;
}

const WIDE: RowColumns = Object.freeze({ name: 20, kind: 10, state: 10, elapsed: 8, fullKind: true });
const MEDIUM: RowColumns = Object.freeze({ name: 14, kind: 5, state: 9, elapsed: 7, fullKind: false });
const NARROW: RowColumns = Object.freeze({ name: 11, kind: 5, state: 9, elapsed: 6, fullKind: false });

/** Narrow panels keep name and state readable and give the value what is left. */
export function rowColumns(width: number): RowColumns {
  return width >= 64 ? WIDE : width >= 52 ? MEDIUM : NARROW;
}

const SHORT_KIND: Readonly<Record<string, string>> = { task: 'task', future: 'fut', coroutine: 'coro', worker: 'wrkr', process: 'proc' };

export function kindLabel(kind: string, full: boolean): string {
  return full ? kind : (SHORT_KIND[kind] ?? kind);
}

/** Pending, running or waiting: the states that spin. */
export function isLive(state: State): boolean {
  return state === 'pending' || state === 'running' || state === 'waiting';
}
