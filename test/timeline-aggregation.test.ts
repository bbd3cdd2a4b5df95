import { describe, expect, it } from 'vitest';
import { STATES, type State } from '../src/runtime/states.js';
import type { EntityView } from '../src/runtime/tracker.js';
import { BARS } from '../src/text/format.js';
import { strings } from '../src/view/i18n.js';
import { groupWords } from '../src/view/lane-groups.js';
import { orderRows } from '../src/view/rows.js';
import { timelineLanes, type Lane } from '../src/view/timeline.js';
import { entity, lived } from './components/fixtures.js';

const WORDS = groupWords(strings('en'));
const text = (lane: Lane) => lane.segments.map((s) => s.text).join('');

/** Each stretch of a member's history as [from, to, state], up to `now`. */
function stretches(e: EntityView, now: number): [number, number, State][] {
  const { pairs, length } = e.history!;
  const out: [number, number, State][] = [];
  for (let i = 0; i < length; i += 2) {
    const state = STATES[pairs[i + 1]!]!;
    if (state === 'resolved' || state === 'rejected' || state === 'cancelled') break;
    out.push([pairs[i]! / 1000, i + 2 < length ? pairs[i + 2]! / 1000 : now, state]);
  }
  return out;
}

/**
 * Per column of a group, what the definition says, by brute force: the share of the column its
 * members ran, as a level; where none ran, what most of their time was; where none lived, how the
 * most of those ending there ended.
 */
function expected(group: readonly EntityView[], now: number, width: number): string {
  const columnMs = now / width;
  let out = '';
  for (let c = 0; c < width; c++) {
    const [a, b] = [c * columnMs, (c + 1) * columnMs];
    const time: Partial<Record<State, number>> = {};
    for (const e of group) {
      for (const [from, to, state] of stretches(e, now)) time[state] = (time[state] ?? 0) + Math.max(0, Math.min(b, to) - Math.max(a, from));
    }
    const alive = Object.values(time).reduce((x, y) => x + y, 0);
    const level = Math.min(8, Math.round(((time.running ?? 0) / columnMs) * 8));
    if (alive > 0) {
      if (level > 0) out += BARS[level - 1];
      else {
        const idle = (['waiting', 'pending', 'created'] as const).reduce((best, s) => ((time[s] ?? 0) > (time[best] ?? 0) ? s : best));
        out += { waiting: '─', pending: '░', created: '·' }[idle];
      }
      continue;
    }
    const ends = (['rejected', 'cancelled', 'resolved'] as const).map((s) => group.filter((e) => e.state === s && Math.min(width - 1, Math.floor(e.settled! / columnMs)) === c).length);
    const most = Math.max(...ends);
    out += most > 0 ? '✗⊘✓'[ends.indexOf(most)] : ' ';
  }
  return out;
}

describe('the timeline, aggregated', () => {
  it('groups rows into as many lanes as fit, every row in exactly one, each column the share of its time the group ran', () => {
    let seed = 11;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const now = 1000;
    const entities = Array.from({ length: 997 }, (_, i) => {
      let t = random() * 900;
      const changes: [number, State][] = [[t, 'pending']];
      while (random() < 0.8 && t < now) {
        t += random() * 60;
        changes.push([t, 'running'], [(t += random() * 0.3), 'waiting']);
      }
      if (t < now && random() < 0.6) changes.push([t + random() * 50, random() < 0.2 ? 'rejected' : 'resolved']);
      return lived(i + 1, `car-${i + 1}`, changes.filter(([ms]) => ms < now));
    });
    const rows = orderRows(entities);
    const width = 60;
    const height = 9;
    const lanes = timelineLanes(rows, [], now, width, height, WORDS);
    expect(lanes).toHaveLength(height);
    expect(lanes[0]!.key).toBe('loop');
    const sizes = lanes.slice(1).map((lane) => Number(/^car-\* ×(\d+)$/.exec(lane.label)![1]));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(rows.length);
    let from = 0;
    lanes.slice(1).forEach((lane, i) => {
      const group = rows.slice(from, from + sizes[i]!).map((r) => r.entity);
      expect(text(lane), lane.label).toBe(expected(group, now, width));
      from += sizes[i]!;
    });
  });

  it('draws members not started as pending, coroutines never awaited as created, and none alive yet as blank', () => {
    const futures = Array.from({ length: 5 }, (_, i) => lived(i + 1, `box-${i + 1}`, [[50, 'pending']], { kind: 'future', id: `f${i + 1}` }));
    const [, boxes] = timelineLanes(orderRows(futures), [], 100, 10, 2, WORDS);
    expect(text(boxes!)).toBe('     ░░░░░');
    const coroutines = Array.from({ length: 5 }, (_, i) => lived(i + 1, `step-${i + 1}`, [[0, 'created']], { kind: 'coroutine', id: `c${i + 1}` }));
    const [, lazy] = timelineLanes(orderRows(coroutines), [], 100, 10, 2, WORDS);
    expect(text(lazy!)).toBe('··········');
    // Hand-made views (no history) group too, from their times.
    const plain = Array.from({ length: 5 }, (_, i) => entity(i + 1, `p-${i + 1}`, 'pending', { created: 0 }));
    expect(text(timelineLanes(orderRows(plain), [], 100, 10, 2, WORDS)[1]!)).toBe('░'.repeat(10));
  });
});
