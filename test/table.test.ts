import { describe, expect, it } from 'vitest';
import type { EntityView } from '../src/runtime/tracker.js';
import { findRow, moveSelection, type RowList } from '../src/view/rows.js';
import { DEFAULT_TABLE, tableRows, warningCount, type TableOptions } from '../src/view/table.js';
import { entity } from './components/fixtures.js';
import { random as seeded } from './helpers/random.js';

const options = (patch: Partial<TableOptions> = {}): TableOptions => ({ ...DEFAULT_TABLE, ...patch });
/** The rows as `depth:name`, with `(context)` for ancestors kept only so that a tree reads. */
const shape = (rows: RowList) => Array.from({ length: rows.length }, (_, i) => rows.at(i)!).map((r) => `${r.depth}:${r.entity.name}${r.context ? ' (context)' : ''}`);
const names = (rows: RowList) => Array.from({ length: rows.length }, (_, i) => rows.at(i)!.entity.name);

const RUN: readonly EntityView[] = Object.freeze([
  entity(1, 'main', 'waiting', { awaiting: 'f4' }),
  entity(2, 'Car-2', 'rejected', { parent: 't1', error: 'Error: car-2 broke down', warnings: ['never-retrieved'] }),
  entity(3, 'car-3', 'resolved', { parent: 't1', value: '1726.3769116601907' }),
  entity(4, 'gather', 'pending', { kind: 'future', id: 'f4', parent: 't1' }),
  entity(5, 'supervisor', 'running', { parent: 't1', warnings: ['blocked'], blockedMs: 120 }),
  entity(6, 'helper', 'waiting', { parent: 't5', awaiting: 't7' }),
  entity(7, 'car-7', 'waiting', { parent: 't1' }),
]);

describe('tableRows', () => {
  it('shows the entities in creation order by default, each row made when read, and the same list again for the same snapshot', () => {
    const rows = tableRows(RUN, DEFAULT_TABLE, 'en');
    expect(names(rows)).toEqual(RUN.map((e) => e.name));
    expect(rows.at(0)).toEqual({ entity: RUN[0], depth: 0 });
    expect(rows.at(RUN.length)).toBeUndefined();
    expect({ matched: rows.matched, total: rows.total }).toEqual({ matched: 7, total: 7 });
    expect(tableRows(RUN, options(), 'en')).toBe(rows);
    expect(rows.rowOf('t5')).toBe(4);
  });

  it('filters by name in any case, and by kind, state and warning in the code’s words or the screen’s language', () => {
    const filtered = (filter: string, lang: 'en' | 'es' = 'en') => names(tableRows(RUN, options({ filter }), lang));
    expect(filtered('CAR')).toEqual(['Car-2', 'car-3', 'car-7']);
    expect(filtered(' rejected ')).toEqual(['Car-2']);
    expect(filtered('rechazado', 'es')).toEqual(['Car-2']);
    // A state's word in the other language is not one of this screen's words.
    expect(filtered('rechazado', 'en')).toEqual([]);
    expect(filtered('future')).toEqual(['gather']);
    expect(filtered('unread')).toEqual(['Car-2']);
    expect(filtered('blocked')).toEqual(['supervisor']);
    expect(filtered('no such thing')).toEqual([]);
    const rows = tableRows(RUN, options({ filter: 'car' }), 'en');
    expect({ matched: rows.matched, total: rows.total }).toEqual({ matched: 3, total: 7 });
    expect(rows.rowOf('t7')).toBe(2);
    expect(rows.rowOf('t5')).toBe(-1);
  });

  it('sorts by each column, either way, ties in creation order; by time the live ones count up to now', () => {
    const sorted = (sort: TableOptions['sort'], reverse = false, now = 0) => names(tableRows(RUN, options({ sort, reverse }), 'en', now));
    expect(sorted('created', true)).toEqual(RUN.map((e) => e.name).reverse());
    expect(sorted('name')).toEqual(['Car-2', 'car-3', 'car-7', 'gather', 'helper', 'main', 'supervisor']);
    expect(sorted('name', true)).toEqual(['supervisor', 'main', 'helper', 'gather', 'car-7', 'car-3', 'Car-2']);
    expect(sorted('state')).toEqual(['gather', 'supervisor', 'main', 'helper', 'car-7', 'car-3', 'Car-2']);
    expect(sorted('kind')).toEqual(['gather', 'main', 'Car-2', 'car-3', 'supervisor', 'helper', 'car-7']);
    // Settled ones lived 50 ms; at 200 ms into the run, main (made at 10 ms) has lived 190 ms, car-7 130 ms.
    expect(sorted('time', false, 200)).toEqual(['main', 'gather', 'supervisor', 'helper', 'car-7', 'Car-2', 'car-3']);
    expect(sorted('time', false, 80)).toEqual(['main', 'Car-2', 'car-3', 'gather', 'supervisor', 'helper', 'car-7']);
  });

  it('sorts names as people do: numbers by their value, letters in either case together', () => {
    const jobs = ['job-10', 'Job-9', 'job-009b', 'job-1', 'JOB-1', 'bad', 'job-'].map((name, i) => entity(i + 1, name, 'running'));
    expect(names(tableRows(jobs, options({ sort: 'name' }), 'en'))).toEqual(['bad', 'job-', 'job-1', 'JOB-1', 'Job-9', 'job-009b', 'job-10']);
  });

  it('nests each entity under the task that awaits it, else under its creator, siblings in the sort’s order', () => {
    expect(shape(tableRows(RUN, options({ tree: true }), 'en'))).toEqual([
      '0:main',
      '1:Car-2',
      '1:car-3',
      // main awaits the gather: awaited-by wins (both edges agree here).
      '1:gather',
      '1:supervisor',
      '2:helper',
      // helper awaits car-7, which main created: car-7 goes under helper.
      '3:car-7',
    ]);
    expect(shape(tableRows(RUN, options({ tree: true, sort: 'name', reverse: true }), 'en'))).toEqual([
      '0:main',
      '1:supervisor',
      '2:helper',
      '3:car-7',
      '1:gather',
      '1:car-3',
      '1:Car-2',
    ]);
  });

  it('keeps the ancestors of a tree’s matches as context, and counts only the matches', () => {
    const rows = tableRows(RUN, options({ tree: true, filter: 'car-7' }), 'en');
    expect(shape(rows)).toEqual(['0:main (context)', '1:supervisor (context)', '2:helper (context)', '3:car-7']);
    expect(rows.matched).toBe(1);
    expect(rows.rowOf('t7')).toBe(3);
  });

  it('walks a tree whose tasks await each other (a deadlock) without looping, every entity once', () => {
    const cycle = [entity(1, 'a', 'waiting', { awaiting: 't2' }), entity(2, 'b', 'waiting', { parent: 't1', awaiting: 't1' }), entity(3, 'c', 'running')];
    expect(shape(tableRows(cycle, options({ tree: true }), 'en'))).toEqual(['0:c', '0:a', '1:b']);
  });

  it('moves the selection and finds rows in a sorted, filtered list', () => {
    const rows = tableRows(RUN, options({ sort: 'name', filter: 'car' }), 'en');
    expect(moveSelection(rows, undefined, 1)).toBe('t2');
    expect(moveSelection(rows, 't3', 1)).toBe('t7');
    expect(findRow(rows, 't3')).toEqual({ at: 1, gone: false });
    // Not among the rows (the filter left it out): placed before the first row created after it.
    expect(findRow(rows, 't4')).toEqual({ at: 2, gone: true });
  });

  it('counts the entities with warnings', () => {
    expect(warningCount(RUN)).toBe(2);
    expect(warningCount([])).toBe(0);
  });

  it('keeps what it kept from list to list and key to key, and always agrees with a fresh look at every row', () => {
    const random = seeded(5);
    const states = ['running', 'waiting', 'resolved', 'rejected'] as const;
    let seq = 0;
    const make = (name = `car-${seq + 1}`) => entity(++seq, name, states[Math.floor(random() * 4)]!, random() < 0.1 ? { warnings: ['blocked'] } : {});
    let list: EntityView[] = Array.from({ length: 80 }, () => make());
    const typed = ['c', 'ca', 'car', 'car-1', 'car-1', 'car-', 'rej', 'rejected', 'wait', 'x', ''];
    for (let step = 0; step < 400; step++) {
      const next = list.slice();
      const roll = random();
      // New views of some (states change), a fold and an arrival of the same count, or a longer list.
      if (roll < 0.5) for (let n = Math.floor(random() * 5); n > 0; n--) next[Math.floor(random() * next.length)] = make(next[0]!.name);
      else if (roll < 0.8) next.splice(Math.floor(random() * next.length), 1, make());
      else next.push(make());
      list = next;
      const filter = typed[step % typed.length]!;
      const rows = tableRows(list, options({ filter }), 'en');
      const fresh = list.filter((e) => e.name.toLowerCase().includes(filter) || e.state.includes(filter) || (filter !== '' && 'task'.includes(filter)));
      expect(names(rows), `step ${step}, filter '${filter}'`).toEqual(fresh.map((e) => e.name));
      expect(warningCount(list)).toBe(list.filter((e) => e.warnings.length > 0).length);
    }
  });

  it('filters and sorts 100,000 entities, and lists them in creation order without making a row for each', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => entity(i + 1, `car-${i + 1}`, i % 100 === 0 ? 'rejected' : 'waiting', { parent: i ? 't1' : undefined }));
    const all = tableRows(many, DEFAULT_TABLE, 'en');
    expect(all.length).toBe(100_000);
    expect(all.rowOf('t99999')).toBe(99_998);
    const rejected = tableRows(many, options({ filter: 'rejected', sort: 'name', reverse: true }), 'en');
    expect(rejected.matched).toBe(1000);
    expect(rejected.at(0)!.entity.name).toBe('car-99901');
    const tree = tableRows(many, options({ tree: true, filter: 'car-77777' }), 'en');
    expect(shape(tree)).toEqual(['0:car-1 (context)', '1:car-77777']);
  });
});
