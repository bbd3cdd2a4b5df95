import { KINDS, STATES, WARNINGS, type Kind, type State, type Warning } from '../runtime/states.js';
import type { EntityView } from '../runtime/tracker.js';
import type { Lang } from '../settings.js';
import { KIND_LOOK, STATE_LOOK, WARNING_LOOK } from './looks.js';

/** The words `needle` is found in, per member of a small table: worked out once per filter, not per row. */
function hits<K extends string>(keys: readonly K[], words: (key: K) => readonly string[], needle: string): Readonly<Record<K, boolean>> {
  const out = {} as Record<K, boolean>;
  for (const key of keys) out[key] = words(key).some((w) => w.toLowerCase().includes(needle));
  return out;
}

/** A filter made ready for many rows: its text as matched, and the test. */
export interface RowFilter {
  /** The typed text, trimmed and in lower case. */
  readonly needle: string;
  readonly lang: Lang;
  keep(e: EntityView): boolean;
}

/**
 * What a filter keeps: rows whose name, kind, state or warning contains `text`, in any case. A
 * kind, state or warning matches by its name in the code (`rejected`, `never-awaited`) or its
 * word on screen in `lang` (`rechazado`). Undefined for an empty filter, which keeps every row.
 * Names are lowered at each test: V8 hands an all-lowercase name back as it is, which at 100,000
 * rows is cheaper than a cache of them, a WeakMap whose entries every garbage collection walks.
 */
export function rowFilter(text: string, lang: Lang): RowFilter | undefined {
  const needle = text.trim().toLowerCase();
  if (needle === '') return undefined;
  const states = hits<State>(STATES, (s) => [s, STATE_LOOK[s].word[lang]], needle);
  const kinds = hits<Kind>(KINDS, (k) => [k, KIND_LOOK[k].word[lang]], needle);
  const warned = hits<Warning>(WARNINGS, (w) => [w, WARNING_LOOK[w].short[lang]], needle);
  const anyWarning = WARNINGS.some((w) => warned[w]);
  return {
    needle,
    lang,
    keep: (e) => states[e.state] || kinds[e.kind] || (anyWarning && e.warnings.some((w) => warned[w])) || e.name.toLowerCase().includes(needle),
  };
}
