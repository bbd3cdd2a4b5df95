import { describe, expect, it } from 'vitest';
import { orderRows } from '../src/view/rows.js';
import type { EntityView } from '../src/runtime/tracker.js';
import { timelineLanes, type Lane } from '../src/view/timeline.js';
import { entity } from './components/fixtures.js';

const DENSITY = '▁▂▃▄▅▆▇█';
const text = (lane: Lane) => lane.segments.map((s) => s.text).join('');

/** Per column of a bucket, what the definition says: how many of its entities were alive, and active. */
function expected(group: readonly EntityView[], now: number, span: number, width: number): string {
  const column = (t: number) => Math.max(0, Math.min(width - 1, Math.floor((t / span) * width)));
  let out = '';
  for (let c = 0; c < width; c++) {
    let alive = 0;
    let active = 0;
    for (const e of group) {
      const end = column(Math.max(e.settled ?? now, e.created));
      if (column(e.created) <= c && c <= end) alive++;
      if (e.started !== undefined && column(e.started) <= c && c <= Math.max(end, column(e.started))) active++;
    }
    out += active > 0 ? DENSITY[Math.min(7, Math.floor((active / group.length) * 7 + 0.5))] : alive > 0 ? '░' : ' ';
  }
  return out;
}

describe('the timeline, aggregated', () => {
  it('folds rows into as many lanes as fit, every row in exactly one, each drawn as its density', () => {
    let seed = 11;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const now = 1000;
    const entities = Array.from({ length: 997 }, (_, i) => {
      const created = random() * 900;
      const started = random() < 0.8 ? created + random() * 50 : undefined;
      const settled = started !== undefined && random() < 0.6 ? started + random() * 300 : undefined;
      return entity(i + 1, `car-${i + 1}`, settled !== undefined ? 'resolved' : started !== undefined ? 'waiting' : 'pending', { created, started, settled });
    });
    const rows = orderRows(entities);
    const width = 60;
    const height = 9;
    const lanes = timelineLanes(rows, [], now, width, height);
    expect(lanes).toHaveLength(height);
    expect(lanes[0]!.key).toBe('loop');
    const buckets = lanes.slice(1);
    // Labels say how many rows each lane stands for and which comes first; they add up to all.
    const sizes = buckets.map((lane) => Number(/^(\d+)× /.exec(lane.label)![1]));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(rows.length);
    let from = 0;
    buckets.forEach((lane, i) => {
      expect(lane.label).toBe(`${sizes[i]}× ${rows[from]!.entity.name}`);
      const group = rows.slice(from, from + sizes[i]!).map((r) => r.entity);
      expect(text(lane)).toBe(expected(group, now, now, width));
      from += sizes[i]!;
    });
  });

  it('draws all-active as full, half-active as half, waiting as ░ and not-yet-created as blank', () => {
    const now = 100;
    const half = [
      ...Array.from({ length: 10 }, (_, i) => entity(i + 1, `on-${i}`, 'running', { created: 50, started: 50 })),
      ...Array.from({ length: 10 }, (_, i) => entity(i + 11, `off-${i}`, 'pending', { created: 50, started: undefined })),
    ];
    const [, lane] = timelineLanes(orderRows(half), [], now, 10, 2);
    expect(text(lane!)).toBe('     ▅▅▅▅▅');
    const waiting = Array.from({ length: 5 }, (_, i) => entity(i + 1, `w-${i}`, 'pending', { created: 0, started: undefined }));
    const [, idle] = timelineLanes(orderRows(waiting), [], now, 10, 2);
    expect(text(idle!)).toBe('░'.repeat(10));
    const busy = Array.from({ length: 5 }, (_, i) => entity(i + 1, `b-${i}`, 'running', { created: 0, started: 0 }));
    const [, full] = timelineLanes(orderRows(busy), [], now, 10, 2);
    expect(text(full!)).toBe('█'.repeat(10));
  });
});
