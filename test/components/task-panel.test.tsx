import { HeldSnapshot } from '../../src/dashboard/store.js';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { TaskPanel } from '../../components/TaskPanel.js';
import type { SessionState } from '../../src/dashboard/session.js';
import { DEFAULT_TABLE, type TableOptions } from '../../src/view/table.js';
import { dashboard, ENTITIES, entity, runSnapshot } from './fixtures.js';
import { frameOf, plain, waitForFrame } from './render.js';

const draw = (snap: ReturnType<typeof dashboard>, width = 60, height = 10) => frameOf(<TaskPanel store={new HeldSnapshot(snap)} width={width} height={height} />);
const table = (patch: Partial<TableOptions>): TableOptions => ({ ...DEFAULT_TABLE, ...patch });
const lineWith = (frame: string, text: string) => frame.split('\n').find((l) => l.includes(text)) ?? '';

/** A rush hour in small: cars that resolved with a drive time, a few that broke down, a supervisor that blocked. */
const CARS = [
  entity(1, 'main', 'waiting'),
  ...Array.from({ length: 6 }, (_, i) =>
    i % 3 === 2
      ? entity(i + 2, `car-${i + 2}`, 'rejected', { parent: 't1', error: `Error: car-${i + 2} broke down`, warnings: ['never-retrieved'] })
      : entity(i + 2, `car-${i + 2}`, 'resolved', { parent: 't1', value: '1726.3769116601907', shown: { ts: '1726.3769116601907', py: '1726.3769116601907' } }),
  ),
  entity(8, 'supervisor', 'running', { parent: 't1', warnings: ['blocked'], blockedMs: 120 }),
];
const cars = (session: Partial<SessionState> = {}) => dashboard({ run: runSnapshot({ entities: CARS }), now: 200, session });

describe('TaskPanel', () => {
  it('draws column headers, each state with its mark, its result or error, and the counts in the title', () => {
    const frame = draw(dashboard({ run: runSnapshot({ entities: ENTITIES }), now: 200 }));
    expect(frame).toMatchSnapshot();
    const lines = frame.split('\n');
    expect(lines[0]).toContain('1 new 1 pend 1 run 1 wait 1 ✓ 1 ✗ 1 ⊘');
    // Created order, shown over the marks where the start column does not fit.
    expect(lines[1]).toMatch(/^│ #▲ +name +kind +state +time +result +│$/);
    expect(lineWith(frame, 'done-task')).toMatch(/✓ {3}done-task +task +resolved +50ms 'result 5'/);
    expect(lineWith(frame, 'broken')).toMatch(/✗ {3}broken +task +rejected +50ms ValueError: ba/);
    expect(lineWith(frame, 'stopped')).toContain('⊘');
    // A flat list: no row is indented under its creator.
    expect(lineWith(frame, 'fetch')).toMatch(/· {3}fetch +coro +created/);
    expect(lineWith(frame, 'main')).toMatch(/⠋ {3}main +task +waiting +190ms/);
  });

  it('shows the selected row, keeps it in view when rows outnumber the lines, and says what is folded, above and below in its bottom border', () => {
    const many = Array.from({ length: 40 }, (_, i) => entity(i + 1, `job-${i + 1}`, 'resolved'));
    const frame = draw(dashboard({ run: runSnapshot({ entities: many, folded: 12 }), session: { selectedId: 't30' } }), 60, 10);
    expect(frame).toMatchSnapshot();
    expect(frame).toMatch(/✓ › job-30 /);
    expect(frame).not.toContain('job-1 ');
    expect(frame.split('\n').at(-1)).toMatch(/^╰─ 12 settled not shown · ↑\d+ ↓\d+ more ─+╯$/);
    // Only the rows that fit are drawn: 8 inner lines, one of them the column headers.
    expect(frame.split('\n').filter((l) => l.includes('job-')).length).toBe(7);
  });

  it('says so when nothing exists yet, in the chosen language', () => {
    expect(draw(dashboard({ session: { lang: 'es' } }))).toContain('todavía no se ha creado nada');
  });

  it('never draws a row wider than the panel', () => {
    const long = entity(1, 'a-very-long-task-name-that-goes-on', 'rejected', { error: 'x'.repeat(300), warnings: ['never-retrieved'] });
    for (const width of [44, 60, 93]) {
      const frame = draw(dashboard({ run: runSnapshot({ entities: [long] }) }), width, 6);
      for (const line of frame.split('\n')) expect([...line].length).toBeLessThanOrEqual(width);
    }
  });

  it('shows the sort column and its direction in the header, the start column where it fits', () => {
    const header = (patch: Partial<TableOptions>, width = 60) => draw(cars({ table: table(patch) }), width).split('\n')[1]!;
    expect(header({ sort: 'name' })).toMatch(/name ▲ /);
    expect(header({ sort: 'name', reverse: true })).toMatch(/name ▼ /);
    expect(header({ sort: 'state' })).toMatch(/state ▲/);
    // Longest first is the time column's own order.
    expect(header({ sort: 'time' })).toMatch(/time ▼/);
    expect(header({ sort: 'time', reverse: true })).toMatch(/time ▲/);
    expect(header({ sort: 'created' }, 93)).toMatch(/^│ {5}name +kind +state +start ▲ +time result +│$/);
    const sorted = draw(cars({ table: table({ sort: 'name', reverse: true }) }), 60);
    expect(sorted.indexOf('supervisor')).toBeLessThan(sorted.indexOf('main'));
  });

  it('titles a filter with what it kept of how many, with a cursor while it is typed, and says when nothing matches', () => {
    const typing = draw(cars({ table: table({ filter: 'rejected' }), filtering: true }), 80).split('\n')[0]!;
    expect(typing).toMatch(/^╭─ Tasks & futures · \/rejected▌ · 2 of 8 · ⚠ 3 /);
    const kept = draw(cars({ table: table({ filter: 'rejected' }) }), 80);
    expect(kept.split('\n')[0]).toMatch(/^╭─ Tasks & futures · \/rejected · 2 of 8 · ⚠ 3 /);
    const rows = kept.split('\n').filter((l) => /car-|main|supervisor/.test(l));
    expect(rows.map((l) => /(car-\d)/.exec(l)?.[1])).toEqual(['car-4', 'car-7']);
    for (const row of rows) expect(row).toMatch(/✗⚠ +car-\d +task +rejected/);
    // Narrow: the filter keeps its place, the panel's name gives way.
    expect(draw(cars({ table: table({ filter: 'rejected' }) }), 40).split('\n')[0]).toMatch(/^╭─ \/rejected · 2 of 8 · ⚠ 3 /);
    const none = draw(cars({ table: table({ filter: 'tram' }) }), 60);
    expect(none.split('\n')[0]).toContain('0 of 8');
    expect(none).toContain('nothing matches "tram" (Esc clears the filter)');
    expect(draw(cars({ lang: 'es', table: table({ filter: 'tranvía' }) }), 60)).toContain('0 de 8');
  });

  it('marks rows with warnings, counts them in the title, and words them where there is room', () => {
    const frame = draw(cars(), 60, 12);
    expect(frame.split('\n')[0]).toMatch(/Tasks & futures · ⚠ 3 /);
    // Narrow, the counts come first: the title gives way.
    expect(draw(cars(), 40).split('\n')[0]).toMatch(/ 1 run 1 wait /);
    expect(lineWith(frame, 'supervisor')).toMatch(/⠋⚠ {2}supervisor/);
    expect(lineWith(frame, 'car-2')).toMatch(/✓ {3}car-2/);
    const wide = draw(cars(), 93, 12);
    expect(lineWith(wide, 'supervisor')).toMatch(/supervisor .* blocked 120ms · *│$/);
    expect(lineWith(wide, 'car-4')).toMatch(/✗⚠ +car-4 .* unread error · Error: car/);
  });

  it('writes results as the code panel’s language does, and cuts long fractions in the cell', () => {
    const values = [
      entity(1, 'list', 'resolved', { value: 'a,b', shown: { ts: "[ 'a', 'b' ]", py: "['a', 'b']" } }),
      entity(2, 'nothing', 'resolved', { value: 'undefined', shown: { ts: 'undefined', py: 'None' } }),
      entity(3, 'drive', 'resolved', { value: '1726.3769116601907', shown: { ts: '1726.3769116601907', py: '1726.3769116601907' } }),
    ];
    const shown = (code: 'ts' | 'python') => draw(dashboard({ run: runSnapshot({ entities: values }), session: { code } }), 93);
    expect(lineWith(shown('python'), 'list')).toContain("['a', 'b']");
    expect(lineWith(shown('python'), 'nothing')).toMatch(/ None +│$/);
    expect(lineWith(shown('ts'), 'list')).toContain("[ 'a', 'b' ]");
    expect(lineWith(shown('ts'), 'nothing')).toMatch(/ undefined +│$/);
    expect(lineWith(shown('ts'), 'drive')).toMatch(/ 1726\.376… +│$/);
  });

  it('nests the tree under who awaits or created each one, says so in the title, and keeps a match’s ancestors', () => {
    const tree = [
      entity(1, 'main', 'waiting', { awaiting: 't3' }),
      entity(2, 'worker', 'waiting', { parent: 't1', awaiting: 'f4' }),
      entity(3, 'gather', 'waiting', { parent: 't1' }),
      entity(4, 'answer', 'pending', { kind: 'future', id: 'f4', parent: 't1' }),
    ];
    const frame = draw(dashboard({ run: runSnapshot({ entities: tree }), session: { table: table({ tree: true }) } }), 60);
    expect(frame.split('\n')[0]).toContain('Tasks & futures · tree');
    const names = frame.split('\n').slice(2, 6).map((l) => /^│ \S {3}( *\S+)/.exec(l)?.[1]);
    expect(names).toEqual(['main', '  worker', '    answer', '  gather']);
    const filtered = draw(dashboard({ run: runSnapshot({ entities: tree }), session: { table: table({ tree: true, filter: 'answer' }) } }), 60);
    expect(filtered.split('\n')[0]).toContain('1 of 4');
    expect(filtered.split('\n').slice(2, 5).map((l) => /^│ \S {3}( *\S+)/.exec(l)?.[1])).toEqual(['main', '  worker', '    answer']);
  });

  it('tells the session how many rows a page holds, again when its height changes', async () => {
    const pages: number[] = [];
    const store = new HeldSnapshot(cars());
    const app = render(<TaskPanel store={store} width={60} height={10} onPageRows={(n) => pages.push(n)} />);
    await waitForFrame(() => plain(app.lastFrame()), (f) => f.includes('supervisor'));
    expect(pages).toEqual([7]);
    app.rerender(<TaskPanel store={store} width={60} height={20} onPageRows={(n) => pages.push(n)} />);
    await waitForFrame(() => pages.join(), (p) => p === '7,17');
    app.unmount();
  });
});
