import { STATES, type State } from '../runtime/states.js';
import type { EntityView, Mark, StepView } from '../runtime/tracker.js';
import { BARS } from '../text/format.js';
import { BLOCKED, ColumnTimes, columnOf, CREATED, PAUSED, PENDING, RUNNING, TIME_ROLES, WAITING } from './column-times.js';
import { addLife } from './entity-life.js';
import { laneGroups, type GroupWords } from './lane-groups.js';
import { STATE_LOOK } from './looks.js';
import { MarkIndex } from './mark-index.js';
import type { Row } from './rows.js';

/**
 * What a cell of a lane stands for: an entity's state over that column (the settled ones mark its
 * end), its code running while the loop was blocked, the run paused at a step, nothing, or, on a
 * group's lane, the share of the time its members ran.
 */
export type CellRole = State | 'empty' | 'blocked' | 'paused' | 'share';

/** A run of equal cells, drawn as one piece of text. */
export interface Segment {
  readonly role: CellRole;
  readonly text: string;
}

/** One line of the timeline: an entity (or a group of them, or the loop itself) over time. */
export interface Lane {
  readonly key: string;
  readonly label: string;
  readonly depth: number;
  readonly segments: readonly Segment[];
}

/** Lanes that draw the same: same key, label, depth and runs of cells. */
export function sameLane(a: Lane, b: Lane): boolean {
  if (a === b) return true;
  if (a.key !== b.key || a.label !== b.label || a.depth !== b.depth || a.segments.length !== b.segments.length) return false;
  for (let i = 0; i < a.segments.length; i++) {
    const x = a.segments[i]!;
    const y = b.segments[i]!;
    if (x.role !== y.role || x.text !== y.text) return false;
  }
  return true;
}

const ROLE_CHAR = { empty: ' ', blocked: '▓', paused: '┄', share: BARS[BARS.length - 1]! } as const satisfies Record<Exclude<CellRole, State>, string>;

/** The character a cell of this role shows (a share cell shows its level instead). */
export function cellChar(role: CellRole): string {
  return role in ROLE_CHAR ? ROLE_CHAR[role as keyof typeof ROLE_CHAR] : STATE_LOOK[role as State].glyph;
}

/** Where each lane's times are summed, one lane after another (see ColumnTimes.reset). */
const SUMS = new ColumnTimes(1, 1);
/** Where a group's members' ends are counted, per settled state and column. */
let ENDS = new Float64Array(0);

/** Each time role as a cell. */
const TIME_CELL: readonly CellRole[] = TIME_ROLES;

/** Which role a column of one entity shows when several held it for as long: the rarer, the first. */
const PRIORITY = [BLOCKED, PAUSED, RUNNING, WAITING, PENDING, CREATED] as const;

function toSegments(cells: readonly CellRole[], chars?: readonly string[]): Segment[] {
  const out: Segment[] = [];
  let role = cells[0] ?? 'empty';
  let text = '';
  cells.forEach((r, i) => {
    if (r !== role) {
      out.push({ role, text });
      role = r;
      text = '';
    }
    text += chars?.[i] ?? cellChar(r);
  });
  if (text) out.push({ role, text });
  return out;
}

/** The loop lane: every blocked and paused stretch of the run, however short, in the columns it touched. */
function loopCells(marks: readonly Mark[], span: number, width: number): CellRole[] {
  const cells: CellRole[] = new Array(width).fill('empty');
  const columnMs = span / width;
  for (const m of marks) {
    const last = columnOf(Math.max(m.start, m.end), columnMs, width);
    for (let c = columnOf(m.start, columnMs, width); c <= last; c++) if (cells[c] !== 'blocked') cells[c] = m.kind;
  }
  return cells;
}

/**
 * One entity's lane: each column shows the state that held most of its time there (ties to the
 * rarer: blocked, paused, running, waiting, pending, created), and its end column its end state.
 * So a task that awaits all along is waiting even if it ran a little in every column, and a block
 * shows only on the lane whose code ran through it.
 */
function entityCells(e: EntityView, marks: MarkIndex, now: number, span: number, width: number): CellRole[] {
  const times = SUMS.reset(width, span);
  addLife(times, e, now, marks);
  const end = e.settled === undefined ? -1 : times.column(e.settled);
  const born = times.column(e.created);
  const cells: CellRole[] = new Array(width);
  for (let c = 0; c < width; c++) {
    if (c === end) {
      cells[c] = e.state;
      continue;
    }
    let best = -1;
    let most = 0;
    for (const role of PRIORITY) {
      const t = times.at(role, c);
      if (t > most) {
        most = t;
        best = role;
      }
    }
    // Made in this very moment: nothing has lasted yet, but it is there.
    cells[c] = best >= 0 ? TIME_CELL[best]! : c === born && end < 0 ? e.state : 'empty';
  }
  return cells;
}

/** What a group's column shows when none of its members ran there, by what most of their time was. */
const IDLE = [WAITING, PENDING, CREATED] as const;

/** Settled states, the failures first: what a group's end column shows when its members ended differently. */
const ENDINGS = (['rejected', 'cancelled', 'resolved'] as const).map((s) => STATES.indexOf(s));

/**
 * A group's lane. A column where its members' code ran shows how much of the column it ran (▁ an
 * eighth … █ all of it; on one thread that is the share of the thread they held), or ▓ if most of
 * that was while the loop was blocked; else what most of their time there was (paused, waiting,
 * pending, created); a column where none lived, or the last one ended, how the ones ending there ended.
 */
function groupCells(rows: readonly Row[], members: readonly number[], marks: MarkIndex, now: number, span: number, width: number): { cells: CellRole[]; chars: string[] } {
  const times = SUMS.reset(width, span);
  if (ENDS.length < STATES.length * width) ENDS = new Float64Array(STATES.length * width);
  const ends = ENDS.fill(0, 0, STATES.length * width);
  // The column the last of them ended in, when all have: it shows how they ended, as one entity's would.
  let last = -1;
  for (const i of members) {
    const e = rows[i]!.entity;
    addLife(times, e, now, marks);
    if (e.settled === undefined) last = Infinity;
    else {
      const c = times.column(e.settled);
      ends[STATES.indexOf(e.state) * width + c]! += 1;
      last = Math.max(last, c);
    }
  }
  const cells: CellRole[] = new Array(width);
  const chars: string[] = new Array(width);
  for (let c = 0; c < width; c++) {
    const alive = times.alive(c);
    const ran = times.at(RUNNING, c) + times.at(BLOCKED, c);
    const level = Math.min(BARS.length, Math.round((ran / times.columnMs) * BARS.length));
    let role: CellRole = 'empty';
    if (alive <= 0 || c === last) {
      let most = 0;
      for (const code of ENDINGS) {
        if (ends[code * width + c]! > most) {
          most = ends[code * width + c]!;
          role = STATES[code]!;
        }
      }
    } else if (times.at(PAUSED, c) * 2 >= alive) role = 'paused';
    else if (level > 0) role = times.at(BLOCKED, c) > times.at(RUNNING, c) ? 'blocked' : 'share';
    else {
      let most = -1;
      for (const code of IDLE) {
        if (times.at(code, c) > most) {
          most = times.at(code, c);
          role = TIME_CELL[code]!;
        }
      }
    }
    cells[c] = role;
    chars[c] = role === 'share' ? BARS[level - 1]! : cellChar(role);
  }
  return { cells, chars };
}

/**
 * The run's marks, with the pause going on now when the run waits at a step: the tracker records
 * a pause only once it ends, and until then the timeline would draw the wait as work.
 */
export function withOpenPause(marks: readonly Mark[], pausedAt: StepView | undefined, now: number): readonly Mark[] {
  if (!pausedAt || now <= pausedAt.t) return marks;
  return [...marks, { kind: 'paused', start: pausedAt.t, end: now }];
}

/**
 * The run's marks, with the block going on now (since `start` ms into the run): the run's monitor
 * measures a block once it is over, and until then the code holding the thread would look as if
 * it merely ran.
 */
export function withLiveBlock(marks: readonly Mark[], start: number | undefined, now: number): readonly Mark[] {
  if (start === undefined || now <= start) return marks;
  return [...marks, { kind: 'blocked', start, end: now }];
}

/** The time the timeline spans: the run so far, at least 1 ms. */
export function timelineSpan(now: number, marks: readonly Mark[]): number {
  let span = Math.max(1, now);
  for (const m of marks) span = Math.max(span, m.end);
  return span;
}

/**
 * Lanes for `height` rows: a loop lane (blocks ▓, pauses ┄) and one lane per entity in display
 * order. When only the entities fit, the loop lane goes (a block still shows on the lane whose
 * code ran through it); when not even they fit, related entities share lanes (`words` names
 * them), under the loop lane, and every row holds one.
 */
export function timelineLanes(rows: readonly Row[], marks: readonly Mark[], now: number, width: number, height: number, words: GroupWords): Lane[] {
  if (width <= 0 || height <= 0) return [];
  const span = timelineSpan(now, marks);
  const index = new MarkIndex(marks);
  const loop: Lane = { key: 'loop', label: '', depth: 0, segments: toSegments(loopCells(marks, span, width)) };
  const entityLane = (row: Row): Lane => ({
    key: row.entity.id,
    label: row.entity.name,
    depth: row.depth,
    segments: toSegments(entityCells(row.entity, index, now, span, width)),
  });
  if (rows.length <= height) {
    const lanes = rows.map(entityLane);
    return rows.length < height ? [loop, ...lanes] : lanes;
  }
  const lanes: Lane[] = [loop];
  for (const group of laneGroups(rows, height - 1, words)) {
    if (group.members.length === 1) {
      lanes.push(entityLane(rows[group.members[0]!]!));
      continue;
    }
    const { cells, chars } = groupCells(rows, group.members, index, now, span, width);
    lanes.push({ key: `group-${rows[group.members[0]!]!.entity.id}`, label: group.label, depth: group.depth, segments: toSegments(cells, chars) });
  }
  return lanes;
}

/** Every role drawn on these lanes: what the legend lists. */
export function rolesShown(lanes: readonly Lane[]): ReadonlySet<CellRole> {
  const roles = new Set<CellRole>();
  for (const lane of lanes) for (const seg of lane.segments) roles.add(seg.role);
  return roles;
}
