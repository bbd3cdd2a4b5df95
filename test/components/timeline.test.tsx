import { HeldSnapshot } from '../../src/dashboard/store.js';
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../components/Timeline.js';
import { dashboard, lived, runSnapshot } from './fixtures.js';
import { frameOf } from './render.js';

describe('Timeline', () => {
  it('draws what each entity did, a block only on the lane that ran through it, and a legend of exactly what is drawn', () => {
    const entities = [
      lived(1, 'main', [
        [0, 'running'],
        [20, 'waiting'],
        [380, 'running'],
        [400, 'resolved'],
      ]),
      lived(2, 'early', [
        [0, 'pending'],
        [20, 'running'],
        [200, 'resolved'],
      ], { parent: 't1' }),
      lived(3, 'late', [
        [200, 'pending'],
        [250, 'running'],
        [260, 'waiting'],
        [390, 'rejected'],
      ], { parent: 't1' }),
    ];
    const snap = dashboard({
      now: 400,
      run: runSnapshot({ entities, marks: [{ kind: 'blocked', start: 100, end: 200 }] }),
      session: { phase: 'ended', result: { scenario: 'fixture', status: 'ended', ok: true, error: undefined, wallMs: 400, leaks: [], neverAwaited: [], total: 1 } },
    });
    const frame = frameOf(<Timeline store={new HeldSnapshot(snap)} width={64} height={8} />);
    expect(frame).toMatchSnapshot();
    const lines = frame.split('\n');
    expect(lines[0]).toContain('Timeline · 0–400ms');
    expect(lines[0]).toContain('ended in 400ms · nothing left alive');
    const bar = (name: string) => lines.find((l) => l.includes(name))!.slice(15, 62);
    // main awaited what it made: waiting, never blocked, though the block came while it lived.
    expect(bar('main')).toMatch(/^█+─+█*✓ *$/);
    expect(bar('early')).toMatch(/^░+█+▓+✓ *$/);
    expect(bar('late')).toMatch(/^ +░+█+─+✗ *$/);
    expect(bar('loop')).toMatch(/^ +▓+ +$/);
    // Short words: the full ones are wider than the border.
    expect(lines[7]).toMatch(/^╰─ █ run {2}─ wait {2}░ pend {2}▓ block {2}✓ {2}✗ ─+╯$/);
  });

  it('groups entities into labelled lanes when they outnumber the rows, using every row, with the group glyphs in the legend', () => {
    const entities = Array.from({ length: 30 }, (_, i) =>
      lived(i + 1, `job-${i + 1}`, [
        [i * 10, 'running'],
        [i * 10 + 5, 'waiting'],
        [i * 10 + 50, 'resolved'],
      ]),
    );
    const frame = frameOf(<Timeline store={new HeldSnapshot(dashboard({ now: 400, run: runSnapshot({ entities }) }))} width={64} height={7} />);
    expect(frame).toMatchSnapshot();
    const lines = frame.split('\n');
    expect(lines).toHaveLength(7);
    expect(lines.slice(1, 6).map((l) => /job-\* ×(\d+)/.exec(l)?.[1])).toEqual([undefined, '7', '8', '7', '8']);
    expect(lines[6]).toMatch(/^╰─ ▁▃▆█ share of the time a group ran {2}─ waiting {2}✓ resolved ─+╯$/);
  });

  it('reports what a finished run left alive', () => {
    const snap = dashboard({
      session: { phase: 'stopped', result: { scenario: 'fixture', status: 'stopped', ok: true, error: undefined, wallMs: 50, leaks: ['Timeout', 'Timeout'], neverAwaited: [], total: 1 } },
    });
    expect(frameOf(<Timeline store={new HeldSnapshot(snap)} width={80} height={6} />)).toContain('stopped after 50ms · left alive: 2 Timeout');
  });
});
