import type { EntityView } from '../runtime/tracker.js';
import type { Lang } from '../settings.js';
import { naturalCompare } from '../text/natural-order.js';
import { rowFilter, type RowFilter } from './filter.js';
import { STATE_LOOK } from './looks.js';
import { idFinder, type Row, type RowList } from './rows.js';
import { walkTree, type Walk } from './tree.js';

/** The task table's columns, in the order they are drawn (`start` only where there is room). */
export type Column = 'state' | 'name' | 'kind' | 'start' | 'time' | 'result';

/** Compares two rows; `now` (ms into the run) is how old the unsettled ones are. */
type Compare = (a: EntityView, b: EntityView, now: number) => number;

/**
 * What the task table can be sorted by, in the order `s` cycles them: the column that shows it,
 * whether its own order is the largest first, and how two rows compare. Ties go by creation.
 */
export const SORT_RULES = {
  created: { column: 'start', descending: false, compare: (a, b) => a.seq - b.seq },
  state: { column: 'state', descending: false, compare: (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.seq - b.seq },
  name: { column: 'name', descending: false, compare: (a, b) => naturalCompare(a.name, b.name) || a.seq - b.seq },
  kind: { column: 'kind', descending: false, compare: (a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.seq - b.seq) },
  time: { column: 'time', descending: true, compare: (a, b, now) => lifetime(b, now) - lifetime(a, now) || a.seq - b.seq },
} as const satisfies Record<string, { readonly column: Column; readonly descending: boolean; readonly compare: Compare }>;

export type SortKey = keyof typeof SORT_RULES;
export const SORT_KEYS = Object.keys(SORT_RULES) as readonly SortKey[];

const STATE_ORDER = Object.fromEntries(Object.keys(STATE_LOOK).map((s, i) => [s, i])) as Record<EntityView['state'], number>;

/** How long an entity has lived: its whole life once settled, else up to `now`. */
function lifetime(e: EntityView, now: number): number {
  return (e.settled ?? now) - e.created;
}

/** How the person asked the table to show the rows. */
export interface TableOptions {
  readonly sort: SortKey;
  readonly reverse: boolean;
  /** Rows whose name, kind, state or warning contain this text (any case); '' for all. */
  readonly filter: string;
  /** Nested under the task that awaits or created each one (`t`), instead of a flat sorted list. */
  readonly tree: boolean;
}

export const DEFAULT_TABLE: TableOptions = Object.freeze({ sort: 'created', reverse: false, filter: '', tree: false });

/** True when the table's order is the largest first (▼), as the header shows it. */
export function descending(options: TableOptions): boolean {
  return SORT_RULES[options.sort].descending !== options.reverse;
}

/** The rows the table shows, and how many of the run's entities the filter kept. */
export interface TableRows extends RowList {
  rowOf(id: string): number;
  /** Rows that match the filter (a tree also shows their ancestors, which do not count). */
  readonly matched: number;
  /** Entities the filter looked at: all that the run holds. */
  readonly total: number;
}

/**
 * Rows over a snapshot's entities by index, each row made when read: a list of 100,000 entities
 * makes only the few rows drawn. No order is the entities' own (creation) order.
 */
class IndexedRows implements TableRows {
  readonly #entities: readonly EntityView[];
  readonly #order: ArrayLike<number> | undefined;
  readonly #depth: Int32Array | undefined;
  readonly #context: Uint8Array | undefined;
  #find: ((id: string) => number) | undefined;

  constructor(entities: readonly EntityView[], order: ArrayLike<number> | undefined, depth: Int32Array | undefined, context: Uint8Array | undefined, readonly matched: number) {
    this.#entities = entities;
    this.#order = order;
    this.#depth = depth;
    this.#context = context;
  }

  get length(): number {
    return this.#order ? this.#order.length : this.#entities.length;
  }

  get total(): number {
    return this.#entities.length;
  }

  at(index: number): Row | undefined {
    if (index < 0 || index >= this.length) return undefined;
    const entity = this.#entities[this.#order ? this.#order[index]! : index]!;
    const depth = this.#depth ? this.#depth[index]! : 0;
    return this.#context?.[index] ? { entity, depth, context: true } : { entity, depth };
  }

  rowOf(id: string): number {
    const at = (this.#find ??= idFinder(this.#entities))(id);
    const order = this.#order;
    if (at < 0 || !order) return at;
    for (let row = 0; row < order.length; row++) if (order[row] === at) return row;
    return -1;
  }
}

/** What was last worked out for a snapshot's entities: the array is frozen, so it holds until the next snapshot. */
interface Cached {
  readonly options: TableOptions;
  readonly lang: Lang;
  readonly now: number;
  readonly rows: TableRows;
}

const tables = new WeakMap<readonly EntityView[], Cached>();
const sorts = new WeakMap<readonly EntityView[], { readonly key: string; readonly order: readonly number[] | undefined }>();
const warned = new WeakMap<readonly EntityView[], number>();

const sameOptions = (a: TableOptions, b: TableOptions) => a === b || (a.sort === b.sort && a.reverse === b.reverse && a.filter === b.filter && a.tree === b.tree);

/**
 * The rows the table shows, in order: filtered, then sorted flat or nested as a tree whose
 * siblings are sorted. Worked out once per snapshot and options (the panel and the keys share
 * it); the order is kept while only the filter changes, and creation order is not sorted at all.
 * `now` (ms into the run) matters only to the sort by time.
 */
export function tableRows(entities: readonly EntityView[], options: TableOptions, lang: Lang, now = 0): TableRows {
  const at = options.sort === 'time' ? now : 0;
  const cached = tables.get(entities);
  if (cached && cached.lang === lang && cached.now === at && sameOptions(cached.options, options)) return cached.rows;
  const filter = rowFilter(options.filter, lang);
  const match = filter && matches(entities, filter);
  const order = sortedOrder(entities, options, at);
  const rows = options.tree ? treeRows(entities, order, match) : flatRows(entities, order, match);
  tables.set(entities, { options, lang, now: at, rows });
  return rows;
}

/** Entity indexes in the sorted order; undefined for creation order, which the entities are in. */
function sortedOrder(entities: readonly EntityView[], options: TableOptions, now: number): readonly number[] | undefined {
  if (options.sort === 'created' && !options.reverse) return undefined;
  const key = `${options.sort} ${options.reverse} ${now}`;
  const cached = sorts.get(entities);
  if (cached?.key === key) return cached.order;
  const n = entities.length;
  const order = new Array<number>(n);
  if (options.sort === 'created') {
    for (let i = 0; i < n; i++) order[i] = n - 1 - i;
  } else {
    for (let i = 0; i < n; i++) order[i] = i;
    const compare: Compare = SORT_RULES[options.sort].compare;
    const sign = options.reverse ? -1 : 1;
    order.sort((a, b) => sign * compare(entities[a]!, entities[b]!, now));
  }
  sorts.set(entities, { key, order });
  return order;
}

/** Which entities a filter keeps (1 at their index), and how many. */
interface Matches {
  readonly match: Uint8Array;
  readonly count: number;
}

/** The last list filtered, with the filter and what it kept. */
let lastMatches: { readonly entities: readonly EntityView[]; readonly filter: RowFilter; readonly matches: Matches } | undefined;

/**
 * What `filter` keeps of `entities`, worked out from the last list filtered where it can: a list
 * as long (the same places; views that did not change are the same objects) keeps what it kept
 * for the same filter, and a filter typed further (its text contains the last one) can keep only
 * what the last one kept. Only the rest is tested: at 100,000 rows a key or a frame tests few.
 */
function matches(entities: readonly EntityView[], filter: RowFilter): Matches {
  const n = entities.length;
  const match = new Uint8Array(n);
  let count = 0;
  const last = lastMatches;
  const before = last && last.entities.length === n && last.filter.lang === filter.lang ? last : undefined;
  const same = before !== undefined && before.filter.needle === filter.needle;
  const narrower = before !== undefined && !same && filter.needle.includes(before.filter.needle);
  for (let i = 0; i < n; i++) {
    const e = entities[i]!;
    const unchanged = before !== undefined && before.entities[i] === e;
    const kept = unchanged && same ? before.matches.match[i] === 1 : unchanged && narrower && before.matches.match[i] === 0 ? false : filter.keep(e);
    if (kept) {
      match[i] = 1;
      count++;
    }
  }
  const result = { match, count };
  lastMatches = { entities, filter, matches: result };
  return result;
}

function flatRows(entities: readonly EntityView[], order: readonly number[] | undefined, found: Matches | undefined): TableRows {
  if (!found) return new IndexedRows(entities, order, undefined, undefined, entities.length);
  const kept = new Int32Array(found.count);
  let k = 0;
  for (let row = 0; row < entities.length; row++) {
    const i = order ? order[row]! : row;
    if (found.match[i]) kept[k++] = i;
  }
  return new IndexedRows(entities, kept, undefined, undefined, found.count);
}

/**
 * The tree: each entity under the task awaiting it, else under the one that created it. With a
 * filter, the matches keep their ancestors, shown as context, so that the nesting still reads.
 */
function treeRows(entities: readonly EntityView[], order: readonly number[] | undefined, found: Matches | undefined): TableRows {
  const n = entities.length;
  const walk = treeWalk(entities, order);
  if (!found) return new IndexedRows(entities, walk.order, walk.depth, undefined, n);
  const match = found.match;
  const shown = new Uint8Array(n);
  // Descendants come after their ancestors in the walk: backwards, each shown row shows its parent.
  let count = 0;
  for (let row = n - 1; row >= 0; row--) {
    const i = walk.order[row]!;
    if (match[i]) shown[i] = 1;
    if (!shown[i]) continue;
    count++;
    const parent = walk.parent[i]!;
    if (parent >= 0) shown[parent] = 1;
  }
  const rows = new Int32Array(count);
  const depth = new Int32Array(count);
  const context = new Uint8Array(count);
  let k = 0;
  for (let row = 0; row < n; row++) {
    const i = walk.order[row]!;
    if (!shown[i]) continue;
    rows[k] = i;
    depth[k] = walk.depth[row]!;
    context[k++] = match[i] ? 0 : 1;
  }
  return new IndexedRows(entities, rows, depth, context, found.count);
}

/** The last tree walked, and the list and order it was walked for. */
let lastTree: { readonly entities: readonly EntityView[]; readonly order: readonly number[] | undefined; readonly walk: Walk } | undefined;

/** True when two lists hold the same entities in the same places, made by and awaiting the same ones: their trees are one. */
function sameShape(a: readonly EntityView[], b: readonly EntityView[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    // A view that did not change is the same object: most places cost one comparison.
    if (x !== y && (x.id !== y.id || x.parent !== y.parent || x.awaiting !== y.awaiting)) return false;
  }
  return true;
}

/** The tree's walk in `order`; a list of the same shape as the last one (most frames of a busy run) walks as it did. */
function treeWalk(entities: readonly EntityView[], order: readonly number[] | undefined): Walk {
  if (lastTree && lastTree.order === order && sameShape(lastTree.entities, entities)) {
    lastTree = { entities, order, walk: lastTree.walk };
  } else {
    lastTree = { entities, order, walk: walkTree(entities.length, treeParents(entities), order) };
  }
  return lastTree.walk;
}

/**
 * Whom each entity hangs from in the tree, by index (-1: a root): the oldest task suspended on
 * it (an awaited-by edge, as `python -m asyncio pstree` draws them), else its creator.
 */
function treeParents(entities: readonly EntityView[]): Int32Array {
  const n = entities.length;
  const find = idFinder(entities);
  const parentOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const parent = entities[i]!.parent;
    const p = parent === undefined ? -1 : find(parent);
    if (p !== i) parentOf[i] = p;
  }
  const awaited = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const target = entities[i]!.awaiting;
    const a = target === undefined ? -1 : find(target);
    if (a >= 0 && a !== i && !awaited[a]) {
      awaited[a] = 1;
      parentOf[a] = i;
    }
  }
  return parentOf;
}

/** The last list whose warnings were counted, and the count. */
let lastWarned: { readonly entities: readonly EntityView[]; readonly count: number } | undefined;

/**
 * Entities of the list that have warnings (the title counts them, as tokio-console's warnings
 * line). A list as long as the last one counted is counted from it: only the places whose view
 * changed are looked at.
 */
export function warningCount(entities: readonly EntityView[]): number {
  const cached = warned.get(entities);
  if (cached !== undefined) return cached;
  const warns = (e: EntityView) => (e.warnings.length > 0 ? 1 : 0);
  const last = lastWarned;
  let count = 0;
  if (last && last.entities.length === entities.length) {
    count = last.count;
    for (let i = 0; i < entities.length; i++) {
      const x = last.entities[i]!;
      const y = entities[i]!;
      if (x !== y) count += warns(y) - warns(x);
    }
  } else {
    for (const e of entities) count += warns(e);
  }
  warned.set(entities, count);
  lastWarned = { entities, count };
  return count;
}
