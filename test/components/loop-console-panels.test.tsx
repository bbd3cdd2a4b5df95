import { HeldSnapshot } from '../../src/dashboard/store.js';
import { describe, expect, it } from 'vitest';
import { ConsolePanel } from '../../components/ConsolePanel.js';
import { LoopPanel } from '../../components/LoopPanel.js';
import { dashboard, QUIET_LOOP, runSnapshot } from './fixtures.js';
import { frameOf } from './render.js';

describe('LoopPanel', () => {
  it('shows lag now, p99, max and utilisation, and the history as a chart where a block stands tall', () => {
    const loop = { ...QUIET_LOOP, lagMs: 2.5, p99Ms: 99, maxMs: 101.4, utilization: 0.97, series: [1, 1, 101, 2, 1] };
    const frame = frameOf(<LoopPanel store={new HeldSnapshot(dashboard({ loop }))} width={30} height={6} />);
    expect(frame).toMatchSnapshot();
    expect(frame).toContain('lag now 2.5ms  p99 99ms');
    expect(frame).toContain('max 101ms  busy 97%');
    expect(frame).toMatch(/▁▁█▁▁ │/);
  });
});

describe('ConsolePanel', () => {
  it('shows the newest lines last, within its rows, and says how many were dropped', () => {
    const logs = Array.from({ length: 12 }, (_, i) => ({ t: i, stream: i === 11 ? ('stderr' as const) : ('stdout' as const), text: `line ${i + 1}` }));
    const frame = frameOf(<ConsolePanel store={new HeldSnapshot(dashboard({ run: runSnapshot({ logs, droppedLogs: 988 }) }))} width={50} height={6} />);
    expect(frame).toMatchSnapshot();
    expect(frame).toContain('988 earlier lines dropped');
    // The 8 lines above the panel are a key away.
    expect(frame.split('\n')[0]).toContain(' 988 earlier lines dropped · ↑8 (o) ');
    const shown = frame.split('\n').filter((l) => l.includes('line '));
    expect(shown.map((l) => l.replace(/[│ ]+/g, ' ').trim())).toEqual(['line 9', 'line 10', 'line 11', 'line 12']);
  });

  it('keeps a multi-line print on one row', () => {
    const logs = [{ t: 0, stream: 'stdout' as const, text: 'first\nsecond' }];
    expect(frameOf(<ConsolePanel store={new HeldSnapshot(dashboard({ run: runSnapshot({ logs }) }))} width={50} height={5} />)).toContain('first ⏎ second');
  });
});
