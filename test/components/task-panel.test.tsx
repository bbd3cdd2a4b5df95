import { HeldSnapshot } from '../../src/dashboard/store.js';
import { describe, expect, it } from 'vitest';
import { TaskPanel } from '../../components/TaskPanel.js';
import { dashboard, ENTITIES, entity, runSnapshot } from './fixtures.js';
import { frameOf } from './render.js';

const draw = (snap: ReturnType<typeof dashboard>, width = 60, height = 10) => frameOf(<TaskPanel store={new HeldSnapshot(snap)} width={width} height={height} />);

describe('TaskPanel', () => {
  it('draws each state with its mark, children indented under their creator, counts in the title', () => {
    const frame = draw(dashboard({ run: runSnapshot({ entities: ENTITIES }), now: 200 }));
    expect(frame).toMatchSnapshot();
    const lines = frame.split('\n');
    expect(lines[0]).toContain('1 new 1 pend 1 run 1 wait 1 ✓ 1 ✗ 1 ⊘');
    expect(lines.find((l) => l.includes('done-task'))).toMatch(/✓ {4}done-task .*resolved .*'result 5'/);
    expect(lines.find((l) => l.includes('broken'))).toMatch(/✗ {4}broken .*rejected .*ValueError: bad/);
    expect(lines.find((l) => l.includes('stopped'))).toContain('⊘');
    expect(lines.find((l) => l.includes('fetch'))).toMatch(/· {4}fetch +coro +created/);
    expect(lines.find((l) => l.includes('main'))).toMatch(/⠋ {2}main +task +waiting +190ms/);
  });

  it('shows the selected row, and keeps it in view when rows outnumber the lines', () => {
    const many = Array.from({ length: 40 }, (_, i) => entity(i + 1, `job-${i + 1}`, 'resolved'));
    const frame = draw(dashboard({ run: runSnapshot({ entities: many, folded: 12 }), session: { selectedId: 't30' } }), 60, 10);
    expect(frame).toMatchSnapshot();
    expect(frame).toMatch(/✓› job-30 /);
    expect(frame).not.toContain('job-1 ');
    expect(frame).toContain('12 settled not shown');
    expect(frame).toMatch(/↑\d+ ↓\d+ more/);
    // Only the rows that fit are drawn: 8 inner lines, one of them the note.
    expect(frame.split('\n').filter((l) => l.includes('job-')).length).toBe(7);
  });

  it('says so when nothing exists yet, in the chosen language', () => {
    expect(draw(dashboard({ session: { lang: 'es' } }))).toContain('todavía no se ha creado nada');
  });

  it('never draws a row wider than the panel', () => {
    const long = entity(1, 'a-very-long-task-name-that-goes-on', 'rejected', { error: 'x'.repeat(300) });
    const frame = draw(dashboard({ run: runSnapshot({ entities: [long] }) }), 44, 6);
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(44);
  });
});
