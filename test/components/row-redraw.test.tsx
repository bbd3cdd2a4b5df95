import { HeldSnapshot } from '../../src/dashboard/store.js';
import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { TaskPanel } from '../../components/TaskPanel.js';
import { TimelineLane } from '../../components/TimelineLane.js';
import { oneLine } from '../../src/text/format.js';
import type { Lane } from '../../src/view/timeline.js';
import { dashboard, entity, runSnapshot } from './fixtures.js';
import { plain, waitForFrame } from './render.js';

// TaskRow draws its value column through oneLine: counting its calls counts rows drawn.
vi.mock('../../src/text/format.js', async (actual) => {
  const format = await actual<typeof import('../../src/text/format.js')>();
  return { ...format, oneLine: vi.fn(format.oneLine) };
});

describe('a task row and the clock', () => {
  it('moves the elapsed time and the spinner without drawing the row again; a new state draws it', async () => {
    const waiting = entity(1, 'main', 'waiting', { created: 10, started: 15 });
    const run = runSnapshot({ entities: [waiting] });
    const store = new HeldSnapshot(dashboard({ run, now: 200, spinner: '⠋' }));
    const app = render(<TaskPanel store={store} width={60} height={5} />);
    const frame = () => plain(app.lastFrame());
    const row = () => frame().split('\n').find((l) => l.includes('main'))!;
    expect(row()).toMatch(/⠋ {3}main +task +waiting +190ms/);
    const drawn = vi.mocked(oneLine).mock.calls.length;

    store.set(dashboard({ run, now: 450, spinner: '⠙' }));
    await waitForFrame(row, (l) => l.includes('440ms'));
    expect(row()).toMatch(/⠙ {3}main +task +waiting +440ms/);
    expect(vi.mocked(oneLine).mock.calls.length).toBe(drawn);

    // Settled: a new view of the entity, so the row is drawn, and its time stops at the end.
    // A second task that still lives shows when the clock has moved on.
    const done = entity(1, 'main', 'resolved', { created: 10, started: 15, settled: 500, value: "'ok'" });
    const other = entity(2, 'other', 'waiting', { created: 100, started: 100 });
    const settledRun = runSnapshot({ entities: [done, other] });
    store.set(dashboard({ run: settledRun, now: 600, spinner: '⠹' }));
    await waitForFrame(row, (l) => l.includes('✓'));
    expect(row()).toMatch(/✓ {3}main +task +resolved +490ms 'ok'/);
    expect(vi.mocked(oneLine).mock.calls.length).toBeGreaterThan(drawn);
    store.set(dashboard({ run: settledRun, now: 900, spinner: '⠸' }));
    await waitForFrame(frame, (f) => /other +task +waiting +800ms/.test(f));
    expect(row()).toMatch(/✓ {3}main +task +resolved +490ms/);
    app.unmount();
  });
});

describe('a timeline lane', () => {
  it('draws a new label, or new cells, though the lane before drew the same', () => {
    const lane = (text: string, label = 'job'): Lane => ({ key: 't1', label, depth: 0, segments: [{ role: 'running', text }] });
    const app = render(<TimelineLane lane={lane('███')} label="job" labelWidth={10} />);
    app.rerender(<TimelineLane lane={lane('███')} label="tarea" labelWidth={10} />);
    expect(plain(app.lastFrame())).toMatch(/^tarea +███$/);
    app.rerender(<TimelineLane lane={lane('██ ')} label="tarea" labelWidth={10} />);
    expect(plain(app.lastFrame())).toMatch(/^tarea +██$/);
    app.unmount();
  });
});
