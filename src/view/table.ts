import type { EntityView } from '../runtime/tracker.js';
import type { Lang } from '../settings.js';
import { STATE_LOOK } from './looks.js';
import { orderRows, type Row } from './rows.js';

/** What the task table can be sorted by, in the order `s` cycles them; each says how two rows compare. */
export const SORT_RULES = {
  created: { compare: (a: EntityView, b: EntityView) => a.seq - b.seq },
  state: { compare: (a: EntityView, b: EntityView) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.seq - b.seq },
  name: { compare: (a: EntityView, b: EntityView) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.seq - b.seq) },
  kind: { compare: (a: EntityView, b: EntityView) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.seq - b.seq) },
  time: { compare: (a: EntityView, b: EntityView) => lifetime(b) - lifetime(a) || a.seq - b.seq },
} as const satisfies Record<string, { readonly compare: (a: EntityView, b: EntityView) => number }>;

export type SortKey = keyof typeof SORT_RULES;
export const SORT_KEYS = Object.keys(SORT_RULES) as readonly SortKey[];

const STATE_ORDER = Object.fromEntries(Object.keys(STATE_LOOK).map((s, i) => [s, i])) as Record<EntityView['state'], number>;

/** How long an entity has lived so far (settled: its whole life); unsettled ones sort by their age at their last change. */
function lifetime(e: EntityView): number {
  return (e.settled ?? e.started ?? e.created) - e.created;
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

/** What a filter matches in a row: its name, kind, state (in both languages) and warnings. */
function matches(e: EntityView, needle: string): boolean {
  if (e.name.toLowerCase().includes(needle) || e.kind.includes(needle) || e.state.includes(needle)) return true;
  const look = STATE_LOOK[e.state];
  if (look.word.en.toLowerCase().includes(needle) || look.word.es.toLowerCase().includes(needle)) return true;
  return e.warnings.some((w) => w.includes(needle));
}

/** The rows the table shows, in order: filtered, then sorted flat or nested as a tree. */
export function tableRows(entities: readonly EntityView[], options: TableOptions, _lang: Lang): readonly Row[] {
  const needle = options.filter.trim().toLowerCase();
  const kept = needle ? entities.filter((e) => matches(e, needle)) : entities;
  if (options.tree) return orderRows(kept);
  const compare = SORT_RULES[options.sort].compare;
  const ordered = options.sort === 'created' && !options.reverse ? kept : [...kept].sort(options.reverse ? (a, b) => compare(b, a) : compare);
  return ordered.map((entity) => ({ entity, depth: 0 }));
}
