import type { EntityView } from '../runtime/tracker.js';
import type { Lang } from '../settings.js';
import { formatMs } from '../text/format.js';
import type { CodeView } from './code-view.js';
import { WARNING_LOOK } from './looks.js';

/**
 * What an entity came to, in full: its error, or its value as the code panel's language writes
 * it (Python's repr in the Python view: `['a', 'b']`, `None`; Node's inspect otherwise).
 * Undefined while it has not settled.
 */
export function outcomeText(e: EntityView, code: CodeView): string | undefined {
  if (e.error !== undefined) return e.error;
  if (e.state !== 'resolved') return undefined;
  return (code === 'python' ? e.shown?.py : e.shown?.ts) ?? e.value;
}

/** Its warnings in a few words each (`blocked 120ms, unread error`), '' for none. */
export function warningWords(e: EntityView, lang: Lang): string {
  return e.warnings.map((w) => (w === 'blocked' && e.blockedMs !== undefined ? `${WARNING_LOOK[w].short[lang]} ${formatMs(e.blockedMs)}` : WARNING_LOOK[w].short[lang])).join(', ');
}

/** Each of its warnings in a sentence: what happened and why it matters. */
export function warningReasons(e: EntityView, lang: Lang): string[] {
  return e.warnings.map((w) => WARNING_LOOK[w].reason[lang](formatMs(e.blockedMs ?? 0)));
}
