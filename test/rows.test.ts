import { describe, expect, it } from 'vitest';
import { findRow, moveSelection, orderRows, windowStart, type Row } from '../src/view/rows.js';
import type { EntityView } from '../src/runtime/tracker.js';
import { entity } from './components/fixtures.js';
import { random as seeded } from './helpers/random.js';

/** orderRows as the definition says it, recursively: the reference the fast one must match. */
function reference(entities: readonly EntityView[]): string[] {
  const ids = entities.map((e) => e.id);
  const isRoot = (e: EntityView, i: number) => e.parent === undefined || !ids.slice(0, i).includes(e.parent);
  const out: string[] = [];
  const visit = (e: EntityView, depth: number) => {
    out.push(`${depth}:${e.id}`);
    entities.forEach((child, i) => {
      if (child.parent === e.id && !isRoot(child, i)) visit(child, depth + 1);
    });
  };
  entities.forEach((e, i) => isRoot(e, i) && visit(e, 0));
  return out;
}

const shape = (rows: readonly Row[]) => rows.map((r) => `${r.depth}:${r.entity.id}`);

describe('orderRows at scale', () => {
  it('matches the recursive definition on random trees whose older entities were folded away', () => {
    const random = seeded(7);
    for (let round = 0; round < 20; round++) {
      const all: EntityView[] = [];
      for (let seq = 1; seq <= 120; seq++) {
        const parent = seq > 1 && random() < 0.8 ? `t${1 + Math.floor(random() * (seq - 1))}` : undefined;
        all.push(entity(seq, `e${seq}`, 'running', { parent }));
      }
      // Folding drops settled entities from anywhere: their children become roots.
      const kept = all.filter(() => random() < 0.7);
      expect(shape(orderRows(kept))).toEqual(reference(kept));
    }
  });

  it('carries rows over from list to list as a run goes on, and always matches a fresh walk', () => {
    const random = seeded(11);
    const states = ['running', 'waiting', 'resolved'] as const;
    const make = (seq: number, parent: string | undefined) => entity(seq, `e${seq}`, states[Math.floor(random() * 3)]!, { parent });
    let list: EntityView[] = Array.from({ length: 60 }, (_, i) => make(i + 1, i > 0 && random() < 0.7 ? `t${1 + Math.floor(random() * i)}` : undefined));
    let seq = list.length;
    let before = orderRows(list);
    for (let step = 0; step < 300; step++) {
      const roll = random();
      const next = list.slice();
      if (roll < 0.6) {
        // States change: new views of the same entities, in the same places.
        for (let n = Math.floor(random() * 4); n > 0; n--) {
          const at = Math.floor(random() * next.length);
          next[at] = make(next[at]!.seq, next[at]!.parent);
        }
      } else if (roll < 0.75) {
        next.push(make(++seq, `t${next[Math.floor(random() * next.length)]!.seq}`));
      } else if (roll < 0.9) {
        next.splice(Math.floor(random() * next.length), 1);
      } else {
        // The same id with another creator: a list of another run.
        const at = 1 + Math.floor(random() * (next.length - 1));
        next[at] = make(next[at]!.seq, next[Math.floor(random() * at)]!.id);
      }
      const rows = orderRows(next);
      expect(shape(rows), `step ${step}`).toEqual(reference(next));
      const views = new Set(next);
      expect(rows.every((r) => views.has(r.entity)), `step ${step}: rows show this list's views`).toBe(true);
      if (next.length === list.length && next.every((e, i) => e.id === list[i]!.id && e.parent === list[i]!.parent)) {
        // Same shape: an entity whose view did not change keeps its row object.
        const kept = new Map(before.map((r) => [r.entity, r]));
        expect(rows.every((r) => !kept.has(r.entity) || kept.get(r.entity) === r), `step ${step}: unchanged rows kept`).toBe(true);
        if (next.every((e, i) => e === list[i])) expect(rows).toBe(before);
      }
      list = next;
      before = rows;
    }
  });

  it('orders 100,000 rows, and a 100,000-deep chain, without recursion', () => {
    const flat = [entity(1, 'main', 'waiting'), ...Array.from({ length: 99_999 }, (_, i) => entity(i + 2, `car-${i + 2}`, 'waiting', { parent: 't1' }))];
    const rows = orderRows(flat);
    expect(rows).toHaveLength(100_000);
    expect(rows[0]!.depth).toBe(0);
    expect(rows.every((r, i) => r.entity === flat[i] && (i === 0 || r.depth === 1))).toBe(true);
    const chain = Array.from({ length: 100_000 }, (_, i) => entity(i + 1, `c${i + 1}`, 'waiting', { parent: i > 0 ? `t${i}` : undefined }));
    const deep = orderRows(chain);
    expect(deep.at(-1)!.depth).toBe(99_999);
  });

  it('finds parents by id in a hand-made list whose ids do not follow seq, and never puts an entity under a younger one', () => {
    const odd = [
      entity(1, 'a', 'running', { id: 'x' }),
      entity(2, 'b', 'running', { id: 'y', parent: 'x' }),
      entity(3, 'c', 'running', { id: 'z', parent: 'w' }),
      entity(4, 'd', 'running', { id: 'w', parent: 'y' }),
    ];
    expect(shape(orderRows(odd))).toEqual(['0:x', '1:y', '2:w', '0:z']);
  });
});

describe('the task list, virtualised', () => {
  const rows = orderRows(Array.from({ length: 300 }, (_, i) => entity(i + 1, `job-${i + 1}`, 'running')));

  it('keeps the selected row inside the window while the selection scrolls down and back up', () => {
    const height = 12;
    let selected: string | undefined;
    const seen = new Set<string>();
    for (const delta of [...new Array<number>(320).fill(1), ...new Array<number>(320).fill(-1)]) {
      selected = moveSelection(rows, selected, delta);
      const { at } = findRow(rows, selected);
      const start = windowStart(rows.length, height, at);
      expect(at).toBeGreaterThanOrEqual(start);
      expect(at).toBeLessThan(start + height);
      expect(start + height).toBeLessThanOrEqual(rows.length);
      seen.add(selected!);
    }
    // Every row was reached, and the ends hold: down stops at the last, up at the first.
    expect(seen.size).toBe(300);
    expect(selected).toBe('t1');
  });

  it('goes on from where a selected entity was once it is folded away, and keeps the list there', () => {
    const without = rows.filter((r) => r.entity.id !== 't150' && r.entity.id !== 't149');
    expect(findRow(without, 't150')).toEqual({ at: 148, gone: true });
    expect(moveSelection(without, 't150', 1)).toBe('t151');
    expect(moveSelection(without, 't150', -1)).toBe('t148');
    expect(windowStart(without.length, 10, findRow(without, 't150').at)).toBe(143);
    // Past the end: the last row is the one before it.
    expect(findRow(without, 't999')).toEqual({ at: without.length, gone: true });
    expect(moveSelection(without, 't999', -1)).toBe('t300');
    expect(moveSelection([], 't1', 1)).toBeUndefined();
  });
});
