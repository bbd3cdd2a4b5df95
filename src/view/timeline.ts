import type { State } from '../runtime/states.js';
import type { Mark, StepView } from '../runtime/tracker.js';
import { STATE_LOOK } from './looks.js';
import type { Row } from './rows.js';

/** What a cell of a lane shows besides an entity's own state: nothing, work, a block, a pause. */
type Stretch = 'empty' | 'active' | 'blocked' | 'paused';

/** What a stretch of a lane means; the screen maps each to a character and a colour. */
export type CellRole = State | Stretch;

/** A run of equal cells, drawn as one piece of text. */
export interface Segment {
  readonly role: CellRole;
  readonly text: string;
}

/** One line of the timeline: an entity (or a bucket of them, or the loop itself) over time. */
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

const STRETCH_CHAR = { empty: ' ', active: '█', blocked: '▓', paused: '┄' } as const satisfies Record<Stretch, string>;

function cellChar(role: CellRole): string {
  return role in STRETCH_CHAR ? STRETCH_CHAR[role as Stretch] : STATE_LOOK[role as State].glyph;
}

const DENSITY = '▁▂▃▄▅▆▇█';

/** Which columns an interval [start, end] covers when `width` columns share `span` ms. */
function columns(start: number, end: number, span: number, width: number): [number, number] {
  const a = Math.floor((start / span) * width);
  const b = Math.floor((Math.max(end, start) / span) * width);
  return [Math.max(0, Math.min(width - 1, a)), Math.max(0, Math.min(width - 1, b))];
}

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

/** The loop lane: blocked and paused stretches of the run, the times nothing else could happen. */
function loopCells(marks: readonly Mark[], span: number, width: number): CellRole[] {
  const cells: CellRole[] = new Array(width).fill('empty');
  for (const m of marks) {
    const [a, b] = columns(m.start, m.end, span, width);
    for (let c = a; c <= b; c++) if (cells[c] !== 'blocked') cells[c] = m.kind;
  }
  return cells;
}

function entityCells(row: Row, marks: readonly Mark[], now: number, span: number, width: number): CellRole[] {
  const e = row.entity;
  const cells: CellRole[] = new Array(width).fill('empty');
  const end = e.settled ?? now;
  const activeFrom = e.started ?? end;
  const [p0, p1] = columns(e.created, activeFrom, span, width);
  const before: CellRole = e.kind === 'coroutine' ? 'created' : 'pending';
  for (let c = p0; c <= p1; c++) cells[c] = before;
  if (e.started !== undefined) {
    const [a0, a1] = columns(e.started, end, span, width);
    for (let c = a0; c <= a1; c++) cells[c] = 'active';
  }
  // A block or a pause stops every entity alike: show it across each bar alive at the time.
  for (const m of marks) {
    const from = Math.max(m.start, e.created);
    const to = Math.min(m.end, end);
    if (from >= to) continue;
    const [m0, m1] = columns(from, to, span, width);
    for (let c = m0; c <= m1; c++) if (cells[c] !== 'blocked') cells[c] = m.kind;
  }
  if (e.settled !== undefined) cells[columns(e.settled, e.settled, span, width)[1]] = e.state as CellRole;
  return cells;
}

/**
 * A lane standing for rows[from, to): per column, how many of them were active (▁ few … █ all).
 * Linear in the rows, with no copy of them: a large run draws it for every row on every frame.
 */
function bucketLane(rows: readonly Row[], from: number, to: number, now: number, span: number, width: number): { cells: CellRole[]; chars: string[] } {
  // Per column, how many start and stop being alive / active there (summed up below).
  const active = new Float64Array(width + 1);
  const alive = new Float64Array(width + 1);
  const perMs = width / span;
  const column = (t: number) => Math.max(0, Math.min(width - 1, Math.floor(t * perMs)));
  for (let i = from; i < to; i++) {
    const e = rows[i]!.entity;
    const last = column(Math.max(e.settled ?? now, e.created));
    alive[column(e.created)]! += 1;
    alive[last + 1]! -= 1;
    if (e.started !== undefined) {
      active[column(e.started)]! += 1;
      active[Math.max(last, column(e.started)) + 1]! -= 1;
    }
  }
  const count = to - from;
  const cells: CellRole[] = [];
  const chars: string[] = [];
  let nActive = 0;
  let nAlive = 0;
  for (let c = 0; c < width; c++) {
    nActive += active[c]!;
    nAlive += alive[c]!;
    if (nActive > 0) {
      cells.push('active');
      chars.push(DENSITY[Math.min(DENSITY.length - 1, Math.floor((nActive / count) * (DENSITY.length - 1) + 0.5))]!);
    } else {
      cells.push(nAlive > 0 ? 'pending' : 'empty');
      chars.push(cellChar(nAlive > 0 ? 'pending' : 'empty'));
    }
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

/** The time the timeline spans: the run so far, at least 1 ms. */
export function timelineSpan(now: number, marks: readonly Mark[]): number {
  let span = Math.max(1, now);
  for (const m of marks) span = Math.max(span, m.end);
  return span;
}

/**
 * Lanes for `height` rows: a loop lane (blocks ▓, pauses ┄) and one lane per entity in display
 * order. When only the entities fit, the loop lane goes (blocks still cross every live bar); when
 * not even they fit, consecutive rows share a lane drawn as a density, under the loop lane.
 */
export function timelineLanes(rows: readonly Row[], marks: readonly Mark[], now: number, width: number, height: number): Lane[] {
  if (width <= 0 || height <= 0) return [];
  const span = timelineSpan(now, marks);
  const loop: Lane = { key: 'loop', label: '', depth: 0, segments: toSegments(loopCells(marks, span, width)) };
  if (rows.length <= height) {
    const lanes = rows.map((row) => ({
      key: row.entity.id,
      label: row.entity.name,
      depth: row.depth,
      segments: toSegments(entityCells(row, marks, now, span, width)),
    }));
    return rows.length < height ? [loop, ...lanes] : lanes;
  }
  const lanes: Lane[] = [loop];
  const per = Math.ceil(rows.length / Math.max(1, height - 1));
  for (let i = 0; i < rows.length && lanes.length < height; i += per) {
    const end = Math.min(rows.length, i + per);
    const { cells, chars } = bucketLane(rows, i, end, now, span, width);
    lanes.push({ key: `bucket-${i}`, label: `${end - i}× ${rows[i]!.entity.name}`, depth: 0, segments: toSegments(cells, chars) });
  }
  return lanes;
}
