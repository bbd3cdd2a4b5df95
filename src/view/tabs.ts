import { scenarioKey } from './keys.js';

/** A scenario tab in the header. */
export interface Tab {
  readonly index: number;
  /** `3 futures`; scenarios past the ninth have no number key. */
  readonly text: string;
  readonly current: boolean;
}

/** The tabs that fit, and whether some were left out on either side. */
export interface TabStrip {
  readonly tabs: readonly Tab[];
  readonly moreBefore: boolean;
  readonly moreAfter: boolean;
}

const GAP = 2;
const MORE = 2; // '‹ ' or ' ›'

function tabText(id: string, index: number): string {
  const key = scenarioKey(index);
  return key === '-' ? id : `${key} ${id}`;
}

/**
 * The scenario tabs that fit in `width` columns: all of them when they fit, else the current one
 * and as many neighbours as fit, nearest first, alternating sides.
 */
export function tabStrip(ids: readonly string[], current: number, width: number): TabStrip {
  const all = ids.map((id, index) => ({ index, text: tabText(id, index), current: index === current }));
  // The current tab is drawn in brackets: `[3 futures]`.
  const cost = (tabs: readonly Tab[]) => tabs.reduce((n, t) => n + t.text.length + (t.current ? 2 : 0), 0) + Math.max(0, tabs.length - 1) * GAP;
  if (cost(all) <= width) return { tabs: all, moreBefore: false, moreAfter: false };
  const here = all[current];
  if (!here) return { tabs: [], moreBefore: false, moreAfter: false };
  let lo = current;
  let hi = current;
  const fits = (a: number, b: number) => cost(all.slice(a, b + 1)) + (a > 0 ? MORE : 0) + (b < all.length - 1 ? MORE : 0) <= width;
  for (let grew = true; grew; ) {
    grew = false;
    if (hi + 1 < all.length && fits(lo, hi + 1)) {
      hi++;
      grew = true;
    }
    if (lo - 1 >= 0 && fits(lo - 1, hi)) {
      lo--;
      grew = true;
    }
  }
  const tabs = all.slice(lo, hi + 1);
  if (!fits(lo, hi)) {
    const room = Math.max(1, width - 2 - (lo > 0 ? MORE : 0) - (hi < all.length - 1 ? MORE : 0));
    return { tabs: [{ ...here, text: here.text.slice(0, room) }], moreBefore: lo > 0, moreAfter: hi < all.length - 1 };
  }
  return { tabs, moreBefore: lo > 0, moreAfter: hi < all.length - 1 };
}
