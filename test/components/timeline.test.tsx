import { HeldSnapshot } from '../../src/dashboard/store.js';
import { describe, expect, it } from 'vitest';
import { Timeline } from '../../components/Timeline.js';
import { dashboard, entity, runSnapshot } from './fixtures.js';
import { frameOf } from './render.js';

describe('Timeline', () => {
  it('draws a bar per entity over the run, and a block across every bar alive during it', () => {
    const entities = [
      entity(1, 'main', 'resolved', { created: 0, started: 0, settled: 400 }),
      entity(2, 'early', 'resolved', { created: 0, started: 0, settled: 100, parent: 't1' }),
      entity(3, 'late', 'rejected', { created: 200, started: 250, settled: 400, parent: 't1' }),
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
    const bar = (name: string) => lines.find((l) => l.includes(name))!.slice(18, 62);
    // early ends before the block, so the block does not cross it; main lived through it.
    expect(bar('early')).not.toContain('▓');
    expect(bar('main')).toMatch(/█+▓+█+✓/);
    expect(bar('late')).toMatch(/^ +░+█+✗/);
    expect(bar('loop')).toMatch(/^ +▓+ +$/);
  });

  it('folds entities into density lanes when they outnumber the rows', () => {
    const entities = Array.from({ length: 30 }, (_, i) => entity(i + 1, `job-${i + 1}`, 'resolved', { created: i * 10, started: i * 10, settled: i * 10 + 50 }));
    const frame = frameOf(<Timeline store={new HeldSnapshot(dashboard({ now: 400, run: runSnapshot({ entities }) }))} width={64} height={7} />);
    expect(frame).toMatchSnapshot();
    expect(frame).toContain('8× job-1');
    expect(frame.split('\n').length).toBe(7);
  });

  it('reports what a finished run left alive', () => {
    const snap = dashboard({
      session: { phase: 'stopped', result: { scenario: 'fixture', status: 'stopped', ok: true, error: undefined, wallMs: 50, leaks: ['Timeout', 'Timeout'], neverAwaited: [], total: 1 } },
    });
    expect(frameOf(<Timeline store={new HeldSnapshot(snap)} width={80} height={6} />)).toContain('stopped after 50ms · left alive: 2 Timeout');
  });
});
