import { describe, expect, it } from 'vitest';
import type { State } from '../src/runtime/states.js';
import { HISTORY_KEEP_HEAD, type EntityView, type Mark } from '../src/runtime/tracker.js';
import { strings } from '../src/view/i18n.js';
import { groupWords } from '../src/view/lane-groups.js';
import { legendItems } from '../src/view/legend.js';
import { orderRows } from '../src/view/rows.js';
import { rolesShown, timelineLanes, withLiveBlock, type Lane } from '../src/view/timeline.js';
import { entity, lived } from './components/fixtures.js';

const WORDS = groupWords(strings('en'));
const text = (lane: Lane) => lane.segments.map((s) => s.text).join('');
/** The lanes of `entities` over the first `now` ms, `width` columns, each entity on its own line under the loop's. */
function lanes(entities: readonly EntityView[], now: number, width: number, marks: readonly Mark[] = []): Map<string, string> {
  const drawn = timelineLanes(orderRows(entities), marks, now, width, entities.length + 1, WORDS);
  return new Map(drawn.map((lane) => [lane.key === 'loop' ? 'loop' : lane.label, text(lane)]));
}
/** Columns of a lane drawn with one of `glyphs`. */
const columnsOf = (bar: string, glyphs: string) => [...bar].flatMap((ch, i) => (glyphs.includes(ch) ? [i] : []));

describe('a lane shows what its entity mostly did in each column', () => {
  it('tells waiting from running: a task that awaits is ─ even if it ran a little in every column', () => {
    const worker = lived(1, 'worker', [
      [0, 'running'],
      [10, 'waiting'],
      [90, 'running'],
      [100, 'resolved'],
    ]);
    // Wakes every 10 ms and runs 1 ms each time: on one thread, that is waiting with short turns.
    const ticks: [number, State][] = [[0, 'pending']];
    for (let t = 0; t < 100; t += 10) ticks.push([t, 'running'], [t + 1, 'waiting']);
    const ticker = lived(2, 'ticker', ticks);
    const bars = lanes([worker, ticker], 100, 10);
    expect(bars.get('worker')).toBe('█────────✓');
    expect(bars.get('ticker')).toBe('──────────');
  });

  it('paints a block only on the lane whose code ran through it, and on the loop lane', () => {
    const blocker = lived(1, 'blocker', [
      [0, 'pending'],
      [10, 'running'],
      [60, 'resolved'],
    ]);
    const waiter = lived(2, 'waiter', [
      [0, 'running'],
      [3, 'waiting'],
    ]);
    const future = lived(3, 'answer', [[0, 'pending']], { kind: 'future', id: 'f3' });
    const lazy = lived(4, 'lazy', [[0, 'created']], { kind: 'coroutine', id: 'c4' });
    const thread = lived(5, 'thread', [[0, 'running']], { kind: 'worker', id: 'w5' });
    const bars = lanes([blocker, waiter, future, lazy, thread], 100, 10, [{ kind: 'blocked', start: 20, end: 60 }]);
    expect(bars.get('loop')).toBe('  ▓▓▓▓▓   ');
    expect(bars.get('blocker')).toBe('░█▓▓▓▓✓   ');
    expect(bars.get('waiter')).toBe('──────────');
    // Not started, so not what blocked: a pending future and a coroutine never awaited.
    expect(bars.get('answer')).toBe('░░░░░░░░░░');
    expect(bars.get('lazy')).toBe('··········');
    // A worker runs on its own thread: the loop's block was not its doing.
    expect(bars.get('thread')).toBe('██████████');
  });

  it('draws three serial subway orders busy in columns that do not overlap, the task awaiting them as waiting', () => {
    const order = (n: number) =>
      lived(n + 1, `subway-${n}`, [
        [1, 'pending'],
        [n * 100 - 90, 'running'],
        [n * 100 + 10, 'resolved'],
      ], { parent: 't1' });
    const main = lived(1, 'Task-1', [
      [0, 'running'],
      [2, 'waiting'],
      [310, 'running'],
      [312, 'resolved'],
    ]);
    const marks: Mark[] = [1, 2, 3].map((n) => ({ kind: 'blocked', start: n * 100 - 85, end: n * 100 + 10 }));
    const bars = lanes([main, order(1), order(2), order(3)], 320, 64, marks);
    const busy = [1, 2, 3].map((n) => columnsOf(bars.get(`subway-${n}`)!, '█▓'));
    for (const columns of busy) {
      expect(columns.length).toBeGreaterThan(15);
      expect(columns[columns.length - 1]! - columns[0]!).toBe(columns.length - 1);
    }
    expect(busy[0]![busy[0]!.length - 1]).toBeLessThan(busy[1]![0]!);
    expect(busy[1]![busy[1]!.length - 1]).toBeLessThan(busy[2]![0]!);
    expect(bars.get('Task-1')).toMatch(/^─{60,}/);
    expect(columnsOf(bars.get('Task-1')!, '▓')).toEqual([]);
  });

  it('during a live block, draws it on the lane still running, not on those waiting or not started', () => {
    const spinning = lived(1, 'spin', [
      [0, 'pending'],
      [40, 'running'],
    ]);
    const sleeper = lived(2, 'sleeper', [
      [0, 'running'],
      [1, 'waiting'],
    ]);
    const queued = lived(3, 'queued', [[0, 'pending']]);
    const bars = lanes([spinning, sleeper, queued], 100, 10, withLiveBlock([], 50, 100));
    expect(bars.get('loop')).toBe('     ▓▓▓▓▓');
    expect(bars.get('spin')).toBe('░░░░█▓▓▓▓▓');
    expect(bars.get('sleeper')).toBe('──────────');
    expect(bars.get('queued')).toBe('░░░░░░░░░░');
  });

  it('pauses every lane alive at a step: the run was held as a whole', () => {
    const a = lived(1, 'a', [[0, 'running']]);
    const b = lived(2, 'b', [
      [0, 'pending'],
      [10, 'waiting'],
    ]);
    const bars = lanes([a, b], 100, 10, [{ kind: 'paused', start: 50, end: 100 }]);
    expect(bars.get('a')).toBe('█████┄┄┄┄┄');
    expect(bars.get('b')).toBe('░────┄┄┄┄┄');
  });

  it("draws a folded history's gap as its busy and waiting totals say", () => {
    const folded = (busyShare: number) => {
      // Eight changes kept at the head (0-7 ms), then the newest (from 100 ms); 40 folded between.
      const head: [number, State][] = Array.from({ length: HISTORY_KEEP_HEAD / 2 }, (_, i) => [i, i % 2 === 0 ? 'running' : 'waiting']);
      const view = lived(1, 'ticker', [...head, [100, 'waiting']]);
      const gapUs = (100 - 7) * 1000;
      const kept = view.history!;
      return { ...view, history: { ...kept, folded: 40, busyUs: kept.busyUs + gapUs * busyShare, waitUs: kept.waitUs - gapUs * busyShare } };
    };
    // The last kept head change says waiting; the totals say which the gap mostly was.
    expect(lanes([folded(0.9)], 100, 10).get('ticker')).toBe('██████████');
    expect(lanes([folded(0.1)], 100, 10).get('ticker')).toBe('──────────');
  });

  it('draws a view made by hand (no history) from its creation, start and end', () => {
    const bars = lanes([entity(1, 'x', 'resolved', { created: 0, started: 50, settled: 100 }), entity(2, 'y', 'waiting', { created: 0, started: 30 })], 100, 10);
    expect(bars.get('x')).toBe('░░░░░████✓');
    expect(bars.get('y')).toBe('░░░───────');
  });
});

describe('a group lane shows how much of the time its members ran', () => {
  const group = (entities: readonly EntityView[], marks: readonly Mark[] = []) => text(timelineLanes(orderRows(entities), marks, 100, 10, 2, WORDS)[1]!);

  it('full where one of them always ran, ▄ where they ran half the time, ─ where they only waited', () => {
    const serial = Array.from({ length: 10 }, (_, i) =>
      lived(i + 1, `job-${i + 1}`, [
        [0, 'pending'],
        [i * 10, 'running'],
        [i * 10 + 10, 'waiting'],
      ]),
    );
    expect(group(serial)).toBe('██████████');
    const half = Array.from({ length: 4 }, (_, i) => {
      const changes: [number, State][] = [[0, 'pending']];
      for (let t = 0; t < 100; t += 10) changes.push([t + i * 1.25, 'running'], [t + i * 1.25 + 1.25, 'waiting']);
      return lived(i + 1, `half-${i + 1}`, changes);
    });
    expect(group(half)).toBe('▄▄▄▄▄▄▄▄▄▄');
    const idle = Array.from({ length: 4 }, (_, i) =>
      lived(i + 1, `idle-${i + 1}`, [
        [0, 'running'],
        [0.1, 'waiting'],
      ]),
    );
    expect(group(idle)).toBe('──────────');
  });

  it('▓ where what they ran was while the loop was blocked; their end mark once all ended', () => {
    const blocking = Array.from({ length: 3 }, (_, i) =>
      lived(i + 1, `cook-${i + 1}`, [
        [0, 'pending'],
        [i * 30, 'running'],
        [i * 30 + 30, i === 2 ? 'rejected' : 'resolved'],
      ]),
    );
    expect(group(blocking, [{ kind: 'blocked', start: 0, end: 90 }])).toBe('▓▓▓▓▓▓▓▓▓✗');
  });
});

describe('the legend', () => {
  it('lists every glyph on screen and only those, in short words when full ones do not fit', () => {
    const entities = [
      lived(1, 'main', [
        [0, 'running'],
        [10, 'waiting'],
      ]),
      lived(2, 'blocker', [
        [0, 'pending'],
        [20, 'running'],
        [60, 'resolved'],
      ]),
    ];
    const drawn = timelineLanes(orderRows(entities), [{ kind: 'blocked', start: 20, end: 60 }], 100, 20, 3, WORDS);
    const shown = rolesShown(drawn);
    const full = legendItems(shown, strings('en'), 80);
    expect(full.map((i) => `${i.glyph} ${i.word}`)).toEqual(['█ running', '─ waiting', '░ pending', '▓ blocked', '✓ resolved']);
    const short = legendItems(shown, strings('en'), 30);
    expect(short.map((i) => `${i.glyph}${i.word ? ` ${i.word}` : ''}`)).toEqual(['█ run', '─ wait', '░ pend', '▓ block', '✓']);
    const grouped = timelineLanes(orderRows(Array.from({ length: 5 }, (_, i) => lived(i + 1, `car-${i + 1}`, [[0, 'running']]))), [], 100, 20, 2, WORDS);
    expect(legendItems(rolesShown(grouped), strings('en'), 80).map((i) => `${i.glyph} ${i.word}`)).toEqual(['▁▃▆█ share of the time a group ran']);
  });
});
