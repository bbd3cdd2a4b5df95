import { isSettled, type State } from '../runtime/states.js';
import { BARS } from '../text/format.js';
import type { Strings } from './i18n.js';
import { STATE_LOOK } from './looks.js';
import { cellChar, type CellRole } from './timeline.js';

/** One entry of the timeline's legend: a glyph and what it means. */
export interface LegendItem {
  readonly role: CellRole;
  readonly glyph: string;
  /** Empty when the glyph says it alone (the end marks, when room is short). */
  readonly word: string;
}

/** The order the legend lists roles in: the lanes' stretches, then the ends. */
const ORDER: readonly Exclude<CellRole, 'empty'>[] = ['running', 'share', 'waiting', 'pending', 'created', 'blocked', 'paused', 'resolved', 'rejected', 'cancelled'];

/** A group lane's levels, as the legend shows them. */
const SHARE_GLYPHS = [0, 2, 5, 7].map((i) => BARS[i]).join('');

/** How many columns the legend takes, as the panel draws it (two spaces between items). */
export function legendWidth(items: readonly LegendItem[]): number {
  return items.reduce((n, item, i) => n + (i > 0 ? 2 : 0) + item.glyph.length + (item.word ? item.word.length + 1 : 0), 0);
}

/** The words of what is not a state, in full and short. */
function otherWords(role: 'blocked' | 'paused' | 'share', s: Strings): [string, string] {
  if (role === 'blocked') return [s.legendBlocked, s.legendBlockedShort];
  if (role === 'paused') return [s.legendPaused, s.legendPausedShort];
  return [s.legendShare, s.legendShareShort];
}

function item(role: Exclude<CellRole, 'empty'>, s: Strings, short: boolean): LegendItem {
  const glyph = role === 'share' ? SHARE_GLYPHS : cellChar(role);
  if (role === 'blocked' || role === 'paused' || role === 'share') return { role, glyph, word: otherWords(role, s)[short ? 1 : 0] };
  const look = STATE_LOOK[role as State];
  return { role, glyph, word: !short ? look.word[s.lang] : isSettled(role as State) ? '' : look.count[s.lang] };
}

/**
 * The legend of the glyphs on screen, and only those: in full words when they fit in `room`
 * columns, else in short ones, with the end marks (✓ ✗ ⊘) standing alone.
 */
export function legendItems(shown: ReadonlySet<CellRole>, s: Strings, room: number): LegendItem[] {
  const roles = ORDER.filter((role) => shown.has(role));
  const full = roles.map((role) => item(role, s, false));
  return legendWidth(full) <= room ? full : roles.map((role) => item(role, s, true));
}
