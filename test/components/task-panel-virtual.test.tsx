import { HeldSnapshot } from '../../src/dashboard/store.js';
import { describe, expect, it } from 'vitest';
import { TaskPanel } from '../../components/TaskPanel.js';
import { moveSelection, orderRows } from '../../src/view/rows.js';
import type { State } from '../../src/runtime/states.js';
import { counts, dashboard, entity, runSnapshot } from './fixtures.js';
import { frameOf } from './render.js';

const STATES: readonly State[] = ['waiting', 'running', 'pending', 'resolved', 'rejected', 'cancelled'];
const FOLDED = 5000;
const entities = [
  entity(1, 'main', 'waiting'),
  ...Array.from({ length: 1999 }, (_, i) => entity(i + 2, `car-${i + 2}`, STATES[i % STATES.length]!, { parent: 't1' })),
];
// What the tracker reports: every entity by state, the folded (settled, resolved here) ones included.
const all = counts(entities);
all.resolved += FOLDED;
const run = { ...runSnapshot({ entities, folded: FOLDED }), counts: all, total: entities.length + FOLDED };
const rows = orderRows(entities);

const draw = (selectedId: string | undefined) =>
  frameOf(<TaskPanel store={new HeldSnapshot(dashboard({ run, session: { selectedId } }))} width={80} height={12} />);

describe('TaskPanel with thousands of rows', () => {
  it('counts every entity in the title, folded ones included', () => {
    const title = draw(undefined).split('\n')[0]!;
    const numbers = [...title.matchAll(/(\d+) (?:new|pend|run|wait|✓|✗|⊘)/g)].map((m) => Number(m[1]));
    expect(numbers.reduce((a, b) => a + b, 0)).toBe(run.total);
    expect(title).toContain(`${all.resolved} ✓`);
  });

  it('draws only the rows that fit, the selected one among them, and says how many are above, below and folded', () => {
    let selected: string | undefined;
    for (let step = 0; step < 60; step++) {
      // Big strides down the list, then back up: the window follows the selection.
      selected = moveSelection(rows, selected, step < 30 ? 67 : -67);
      const lines = draw(selected).split('\n');
      const drawn = lines.filter((l) => /(main|car-\d+) /.test(l));
      // 10 inner lines: 9 rows and the note.
      expect(drawn).toHaveLength(9);
      const name = rows.find((r) => r.entity.id === selected)!.entity.name;
      expect(lines.find((l) => l.includes('›'))).toMatch(new RegExp(`› +${name} `));
      const note = /(\d+) settled not shown · ↑(\d+) ↓(\d+) more/.exec(lines.join('\n'));
      expect(note).not.toBeNull();
      expect(Number(note![1])).toBe(FOLDED);
      expect(Number(note![2]) + drawn.length + Number(note![3])).toBe(rows.length);
    }
  });
});
