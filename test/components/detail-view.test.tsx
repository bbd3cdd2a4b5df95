import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { DetailView } from '../../components/DetailView.js';
import { entityDetail } from '../../src/dashboard/detail.js';
import { HeldSnapshot } from '../../src/dashboard/store.js';
import { stateCode, type State } from '../../src/runtime/states.js';
import type { EntityView, StateHistory } from '../../src/runtime/tracker.js';
import { dashboard, entity, runSnapshot } from './fixtures.js';
import { frameOf, plain, waitForFrame } from './render.js';

/** A history from `[ms, state]` changes, with the busy and waiting totals they make up to the last one. */
function history(changes: readonly [number, State][], folded = 0): StateHistory {
  const pairs = changes.flatMap(([ms, state]) => [ms * 1000, stateCode(state)]);
  let busyUs = 0;
  let waitUs = 0;
  for (let i = 0; i + 1 < changes.length; i++) {
    const lasted = (changes[i + 1]![0] - changes[i]![0]) * 1000;
    if (changes[i]![1] === 'running') busyUs += lasted;
    if (changes[i]![1] === 'waiting') waitUs += lasted;
  }
  return { pairs, length: pairs.length, folded, busyUs, waitUs };
}

const LONG = `{ rows: [${Array.from({ length: 40 }, (_, i) => `'row ${i}'`).join(', ')}] }`;
const worker = entity(2, 'worker', 'resolved', {
  parent: 't1',
  created: 10,
  started: 12,
  settled: 250,
  site: 'scenarios/futures.ts:23',
  warnings: ['blocked'],
  blockedMs: 118,
  value: 'rows',
  shown: { ts: LONG, py: LONG.replace('rows:', "'rows':") },
  history: history([
    [10, 'pending'],
    [12, 'running'],
    [130, 'waiting'],
    [200, 'running'],
    [250, 'resolved'],
  ]),
});
const RUN = [
  entity(1, 'main', 'waiting', { awaiting: 'f4' }),
  worker,
  entity(3, 'helper', 'resolved', { parent: 't2' }),
  entity(4, 'answer', 'pending', { kind: 'future', id: 'f4', parent: 't1', created: 40, history: history([[40, 'pending']]) }),
];

const detailOf = (entities: readonly EntityView[], id: string, now: number, patch: Parameters<typeof dashboard>[0] = {}) => {
  const run = runSnapshot({ entities });
  return dashboard({ run, now, detail: entityDetail(run, id), ...patch, session: { detailId: id, ...patch.session } });
};

describe('DetailView', () => {
  it('tells an entity in full at 80x24: what it is, why it is warned, its relations, site, times, history and its whole value', () => {
    const frame = frameOf(<DetailView store={new HeldSnapshot(detailOf(RUN, 't2', 300, { session: { code: 'python' } }))} width={80} height={20} />);
    const lines = frame.split('\n');
    expect(lines).toHaveLength(20);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^╭─ Details · worker ─+ Esc back ─╮$/);
    expect(lines[1]).toContain('worker · task t2 · ✓ resolved · created at 10ms');
    expect(frame).toContain('⚠ blocked the loop: its own code held the thread for 118ms at a stretch');
    expect(frame).toMatch(/parent +main \(t1, waiting\)/);
    expect(frame).toMatch(/awaits +–/);
    expect(frame).toMatch(/awaited by +–/);
    expect(frame).toMatch(/children +1: helper ✓/);
    expect(frame).toMatch(/made in +scenarios\/futures\.ts:23/);
    expect(frame).toMatch(/time +lived 240ms · busy 168ms · waiting 70ms · pending 2\.0ms/);
    // The history, read down each column: each stretch's start, state and length.
    expect(frame).toMatch(/history +10ms pending +2\.0ms +200ms running +50ms/);
    expect(frame).toMatch(/ 12ms running +118ms +250ms resolved/);
    expect(frame).toMatch(/130ms waiting +70ms/);
    // The value as Python writes it, wrapped over the lines left, cut with … at the last.
    const value = lines.filter((l) => l.includes("'row"));
    expect(lines.find((l) => l.includes("'rows'"))).toMatch(/│ result +\{ 'rows': \['row 0', /);
    expect(value.length).toBeGreaterThan(3);
    expect(value.at(-1)).toMatch(/… +│$/);
  });

  it('is live: what it awaits, who awaits it, and the stretch going on grows with the clock', async () => {
    const store = new HeldSnapshot(detailOf(RUN, 'f4', 100));
    const app = render(<DetailView store={store} width={100} height={20} />);
    const frame = () => plain(app.lastFrame());
    await waitForFrame(frame, (f) => f.includes('answer · future f4'));
    expect(frame()).toMatch(/awaited by +1: main …/);
    expect(frame()).toMatch(/history +40ms pending +60ms/);
    expect(frame()).not.toContain('result');
    store.set(detailOf(RUN, 'f4', 1540));
    await waitForFrame(frame, (f) => /40ms pending +1\.50s/.test(f));
    expect(frame()).toMatch(/lived 1\.50s · busy 0\.0ms · waiting 0\.0ms · pending 1\.50s/);
    app.unmount();
  });

  it('keeps the newest stretches of a long history and says how many it does not show', () => {
    const changes: [number, State][] = Array.from({ length: 40 }, (_, i) => [i * 10, i % 2 ? 'waiting' : 'running']);
    const busy = entity(1, 'busy', 'running', { created: 0, started: 0, history: history(changes, 200) });
    const frame = frameOf(<DetailView store={new HeldSnapshot(detailOf([busy], 't1', 500))} width={80} height={20} />);
    expect(frame).toMatch(/… \d+ changes not shown/);
    expect(frame).toContain('390ms waiting   110ms');
    expect(frame).not.toMatch(/ 0\.0ms running/);
  });

  it('says when the entity is no longer kept, in the chosen language', () => {
    const gone = dashboard({ session: { detailId: 't9', lang: 'es' } });
    const frame = frameOf(<DetailView store={new HeldSnapshot(gone)} width={80} height={10} />);
    expect(frame).toContain('Detalles · t9');
    expect(frame).toContain('Ya no se guarda');
  });
});
