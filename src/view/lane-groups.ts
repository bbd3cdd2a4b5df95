import type { Kind } from '../runtime/states.js';
import { clip } from '../text/format.js';
import type { Strings } from './i18n.js';
import type { Row } from './rows.js';

/** How a group's label is worded. */
export interface GroupWords {
  /** Members of one name stem: `car-* ×250`. */
  readonly stem: (stem: string, count: number) => string;
  /** What several stems created by one parent (or parent group) hold: `Task-1 children ×3`. */
  readonly children: (parent: string, count: number) => string;
  /** An entity (or a stem) with what it created under it: `Task-2 + children ×4`. */
  readonly family: (head: string, count: number) => string;
  /** Top-level entities of different stems. */
  readonly others: (count: number) => string;
}

/** The words of group labels in the dashboard's language. */
export function groupWords(s: Strings): GroupWords {
  return { stem: s.laneStem, children: s.laneChildren, family: s.laneFamily, others: s.laneOthers };
}

/** A group label's count (` ×250`), which a label cut short keeps. */
const COUNT = / ×\d+$/;

/** A lane's label in `width` columns: cut short with `…`, before its count if it has one (`mcdonal… ×3`). */
export function fitLabel(label: string, width: number): string {
  if (label.length <= width) return label;
  const count = COUNT.exec(label)?.[0] ?? '';
  return `${clip(label.slice(0, label.length - count.length), width - count.length)}${count}`;
}

/** Rows shown on one lane: their indices in display order, and what to call them. */
export interface LaneGroup {
  readonly members: readonly number[];
  readonly label: string;
  readonly depth: number;
}

/**
 * Entities that belong together: one kind and one name stem (`car-6613` and `car-12` are
 * `car-*`), made by the same parent or by members of the same parent clan.
 */
interface Clan {
  readonly id: number;
  readonly parent: number;
  readonly kind: Kind;
  /** The name up to its trailing number, or the whole name. */
  readonly prefix: string;
  readonly numbered: boolean;
  readonly depth: number;
  readonly members: number[];
}

/** A lane being formed: whole clans, or `parts` equal slices of one clan. */
interface Draft {
  clans: Clan[];
  parts: number;
}

/** Where a name's trailing number starts (its length when it has none, or is all digits). */
function stemLength(name: string): number {
  let k = name.length;
  while (k > 0 && name.charCodeAt(k - 1) >= 48 && name.charCodeAt(k - 1) <= 57) k--;
  return k === 0 ? name.length : k;
}

/** A clan's name: its stem when its members are numbered (`car-*`), else the name they share. */
function clanLabel(clan: Clan, rows: readonly Row[]): string {
  return clan.numbered && clan.members.length > 1 ? `${clan.prefix}*` : rows[clan.members[0]!]!.entity.name;
}

/**
 * Clans in the order of their first member. Rows come in display order, where a parent comes
 * before what it made, so a row's parent clan is the clan of the last row one level up. A run of
 * rows of one clan (a thousand cars) costs a comparison each, with no string made.
 */
function clansOf(rows: readonly Row[]): Clan[] {
  const clans: Clan[] = [];
  const byKey = new Map<string, Clan>();
  const atDepth: Clan[] = [];
  let last: Clan | undefined;
  for (let i = 0; i < rows.length; i++) {
    const { entity, depth } = rows[i]!;
    const parent = depth > 0 ? (atDepth[depth - 1]?.id ?? -1) : -1;
    const name = entity.name;
    const k = stemLength(name);
    const numbered = k < name.length;
    let clan = last;
    if (
      clan === undefined ||
      clan.parent !== parent ||
      clan.kind !== entity.kind ||
      clan.numbered !== numbered ||
      clan.prefix.length !== k ||
      !name.startsWith(clan.prefix)
    ) {
      const prefix = name.slice(0, k);
      const key = `${parent} ${entity.kind} ${numbered ? '#' : '='}${prefix}`;
      clan = byKey.get(key);
      if (clan === undefined) {
        clan = { id: clans.length, parent, kind: entity.kind, prefix, numbered, depth, members: [] };
        clans.push(clan);
        byKey.set(key, clan);
      }
    }
    clan.members.push(i);
    atDepth[depth] = clan;
    last = clan;
  }
  return clans;
}

function memberCount(draft: Draft): number {
  let n = 0;
  for (const clan of draft.clans) n += clan.members.length;
  return n;
}

/** Splits a list of clans in two where the members divide most evenly (both halves non-empty). */
function splitClans(clans: readonly Clan[]): [Clan[], Clan[]] {
  const total = clans.reduce((n, c) => n + c.members.length, 0);
  let best = 1;
  let bestGap = Infinity;
  let before = 0;
  for (let at = 1; at < clans.length; at++) {
    before += clans[at - 1]!.members.length;
    const gap = Math.abs(total - 2 * before);
    if (gap < bestGap) {
      bestGap = gap;
      best = at;
    }
  }
  return [clans.slice(0, best), clans.slice(best)];
}

/**
 * Fewer drafts when there are more than `room`: first the clans of one parent share lanes, in
 * even runs, the parents with most clans first; then, if that is not enough, what the deepest
 * lanes hold joins the lane of their parent, level by level.
 */
function coarsen(clans: readonly Clan[], room: number): Draft[] {
  let excess = clans.length - room;
  const families = new Map<number, Clan[]>();
  for (const clan of clans) {
    const family = families.get(clan.parent);
    if (family) family.push(clan);
    else families.set(clan.parent, [clan]);
  }
  let drafts: Draft[] = [];
  const bySize = [...families.values()].sort((a, b) => b.length - a.length);
  for (const family of bySize) {
    const cut = Math.max(0, Math.min(family.length - 1, excess));
    excess -= cut;
    drafts.push(...evenRuns(family, family.length - cut));
  }
  // Still too many: fold the deepest lanes into the lanes holding their parents.
  while (drafts.length > room) {
    const laneOf = new Map<number, Draft>();
    for (const d of drafts) for (const c of d.clans) laneOf.set(c.id, d);
    const deepest = Math.max(...drafts.map((d) => Math.min(...d.clans.map((c) => c.depth))));
    if (deepest === 0) return [{ clans: drafts.flatMap((d) => d.clans), parts: 1 }];
    const kept: Draft[] = [];
    for (const d of drafts) {
      const top = d.clans.reduce((a, b) => (b.depth < a.depth ? b : a));
      const into = top.depth === deepest ? laneOf.get(top.parent) : undefined;
      if (into && into !== d) {
        into.clans.push(...d.clans);
        for (const c of d.clans) laneOf.set(c.id, into);
      } else kept.push(d);
    }
    drafts = kept;
  }
  return drafts;
}

/** `clans` in `lanes` runs of whole clans, each run about as many members as the others. */
function evenRuns(clans: readonly Clan[], lanes: number): Draft[] {
  const total = clans.reduce((n, c) => n + c.members.length, 0);
  const runs: Draft[] = [];
  let run: Clan[] = [];
  let before = 0;
  clans.forEach((clan, i) => {
    run.push(clan);
    before += clan.members.length;
    const left = clans.length - i - 1;
    // Close the run at its share of the members, or when the clans left only just fill the lanes left.
    if (runs.length < lanes - 1 && (before >= (total * (runs.length + 1)) / lanes || left === lanes - 1 - runs.length)) {
      runs.push({ clans: run, parts: 1 });
      run = [];
    }
  });
  if (run.length > 0) runs.push({ clans: run, parts: 1 });
  return runs;
}

/**
 * More drafts while there is room: the draft with most members per lane gives one more lane,
 * split between its clans if it holds several, else in one more even slice of its clan.
 */
function refine(drafts: Draft[], room: number): void {
  let lanes = drafts.length;
  while (lanes < room) {
    let best: Draft | undefined;
    let most = 1;
    for (const d of drafts) {
      const perLane = memberCount(d) / d.parts;
      if (perLane > most && (d.clans.length > 1 || d.parts < d.clans[0]!.members.length)) {
        most = perLane;
        best = d;
      }
    }
    if (!best) return;
    if (best.clans.length > 1) {
      const [a, b] = splitClans(best.clans);
      best.clans = a;
      drafts.push({ clans: b, parts: 1 });
    } else best.parts++;
    lanes++;
  }
}

/** What a lane holds, in words: a name, a stem, a parent's children, a family. */
function labelOf(clans: readonly Clan[], members: number, rows: readonly Row[], all: readonly Clan[], words: GroupWords): string {
  if (clans.length === 1) return members === 1 ? rows[clans[0]!.members[0]!]!.entity.name : words.stem(clanLabel(clans[0]!, rows), members);
  const depth = Math.min(...clans.map((c) => c.depth));
  const tops = clans.filter((c) => c.depth === depth);
  if (tops.length === 1) return words.family(clanLabel(tops[0]!, rows), members);
  const parent = tops[0]!.parent;
  if (parent >= 0 && tops.every((c) => c.parent === parent)) return words.children(clanLabel(all[parent]!, rows), members);
  return words.others(members);
}

/** The last grouping made, and what it was made from. */
let last: { rows: readonly Row[]; room: number; words: GroupWords; groups: readonly LaneGroup[] } | undefined;

/** Rows that group alike: the same entities, names and nesting, in the same places (states may differ). */
function sameShape(a: readonly Row[], b: readonly Row[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && (x.entity.id !== y.entity.id || x.entity.name !== y.entity.name || x.depth !== y.depth)) return false;
  }
  return true;
}

function sameWords(a: GroupWords, b: GroupWords): boolean {
  return a.stem === b.stem && a.children === b.children && a.family === b.family && a.others === b.others;
}

/**
 * Rows in at most `room` lanes, as many as there is room for (no line left empty): related
 * entities share a lane (one stem and one parent: `car-* ×250`; one parent's children; a parent
 * with its children), never entities that are strangers to each other. A busy run's rows change
 * state every frame but rarely shape: the last grouping is kept while the shape stays.
 */
export function laneGroups(rows: readonly Row[], room: number, words: GroupWords): readonly LaneGroup[] {
  if (last && last.room === room && sameWords(last.words, words) && sameShape(last.rows, rows)) {
    last.rows = rows;
    return last.groups;
  }
  const groups = groupRows(rows, room, words);
  last = { rows, room, words, groups };
  return groups;
}

function groupRows(rows: readonly Row[], room: number, words: GroupWords): LaneGroup[] {
  if (room <= 0 || rows.length === 0) return [];
  const clans = clansOf(rows);
  const drafts = clans.length > room ? coarsen(clans, room) : clans.map((clan) => ({ clans: [clan], parts: 1 }));
  refine(drafts, room);
  const groups: LaneGroup[] = [];
  for (const d of drafts) {
    const depth = Math.min(...d.clans.map((c) => c.depth));
    if (d.parts > 1) {
      const members = d.clans[0]!.members;
      for (let p = 0; p < d.parts; p++) {
        const slice = members.slice(Math.floor((members.length * p) / d.parts), Math.floor((members.length * (p + 1)) / d.parts));
        groups.push({ members: slice, label: labelOf(d.clans, slice.length, rows, clans, words), depth });
      }
      continue;
    }
    const members = d.clans.length === 1 ? d.clans[0]!.members : d.clans.flatMap((c) => c.members).sort((a, b) => a - b);
    groups.push({ members, label: labelOf(d.clans, members.length, rows, clans, words), depth });
  }
  return groups.sort((a, b) => a.members[0]! - b.members[0]!);
}
