import { describe, expect, it } from 'vitest';
import type { EntityView } from '../src/runtime/tracker.js';
import { strings } from '../src/view/i18n.js';
import { fitLabel, groupWords, laneGroups, type LaneGroup } from '../src/view/lane-groups.js';
import { orderRows, type Row } from '../src/view/rows.js';
import { timelineLanes } from '../src/view/timeline.js';
import { entity } from './components/fixtures.js';

const WORDS = groupWords(strings('en'));

/** Entities made in order, each `[name, parent seq?, kind?]`; ids t1, t2, … (futures f…). */
function made(...specs: (readonly [string, number?, EntityView['kind']?])[]): readonly Row[] {
  return orderRows(
    specs.map(([name, parent, kind = 'task'], i) =>
      entity(i + 1, name, 'waiting', { kind, id: `${kind === 'future' ? 'f' : 't'}${i + 1}`, parent: parent === undefined ? undefined : `t${parent}` }),
    ),
  );
}

/** Each lane as `label: member names`. */
function shown(rows: readonly Row[], groups: readonly LaneGroup[]): string[] {
  return groups.map((g) => `${g.label}: ${g.members.map((i) => rows[i]!.entity.name).join(' ')}`);
}

/** Every row in exactly one lane. */
function expectEachRowOnce(rows: readonly Row[], groups: readonly LaneGroup[]): void {
  expect(groups.flatMap((g) => g.members).sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
}

describe('grouping rows into lanes', () => {
  it('keeps one stem of one parent together and says so: car-* ×250, truck-* ×5', () => {
    const rows = made(['main'], ...Array.from({ length: 250 }, (_, i) => [`car-${6613 + i}`, 1] as const), ...Array.from({ length: 5 }, (_, i) => [`truck-${i + 1}`, 1] as const));
    const groups = laneGroups(rows, 3, WORDS);
    expect(groups.map((g) => g.label)).toEqual(['main', 'car-* ×250', 'truck-* ×5']);
    expectEachRowOnce(rows, groups);
  });

  it('leaves no row blank: more room splits the largest stem into even slices, never mixing stems', () => {
    const rows = made(['main'], ...Array.from({ length: 250 }, (_, i) => [`car-${i + 1}`, 1] as const), ...Array.from({ length: 5 }, (_, i) => [`truck-${i + 1}`, 1] as const));
    const groups = laneGroups(rows, 6, WORDS);
    expect(groups).toHaveLength(6);
    expect(groups.map((g) => g.label)).toEqual(['main', 'car-* ×62', 'car-* ×63', 'car-* ×62', 'car-* ×63', 'truck-* ×5']);
    expectEachRowOnce(rows, groups);
  });

  it('never puts strangers under a name that is not theirs: sync-vs-async in five lanes and in three', () => {
    const rows = made(['Task-1'], ['subway-1', 1], ['subway-2', 1], ['subway-3', 1], ['gather', 1, 'future'], ['mcdonalds-1', 1], ['mcdonalds-2', 1], ['mcdonalds-3', 1], ['gather', 1, 'future']);
    expect(shown(rows, laneGroups(rows, 5, WORDS))).toEqual([
      'Task-1: Task-1',
      'subway-1: subway-1',
      'subway-* ×2: subway-2 subway-3',
      'gather ×2: gather gather',
      'mcdonalds-* ×3: mcdonalds-1 mcdonalds-2 mcdonalds-3',
    ]);
    // Too few rows for each stem: the lane that must hold several says whose children they are.
    const three = laneGroups(rows, 3, WORDS);
    expect(shown(rows, three)).toEqual(['Task-1: Task-1', 'Task-1 children ×5: subway-1 subway-2 subway-3 gather gather', 'mcdonalds-* ×3: mcdonalds-1 mcdonalds-2 mcdonalds-3']);
    expectEachRowOnce(rows, three);
  });

  it("keeps a stem's children together though their parents' rows come between: fetch under Task-*", () => {
    const rows = made(['main'], ['Task-2', 1], ['fetch', 2], ['Task-3', 1], ['fetch', 4], ['Task-4', 1], ['fetch', 6]);
    expect(shown(rows, laneGroups(rows, 3, WORDS))).toEqual(['main: main', 'Task-* ×3: Task-2 Task-3 Task-4', 'fetch ×3: fetch fetch fetch']);
  });

  it('names several stems made by one parent after it: gather children ×3', () => {
    const rows = made(['main'], ['gather', 1], ['a', 2], ['b', 2], ['c', 2], ['other', 1]);
    expect(shown(rows, laneGroups(rows, 4, WORDS))).toEqual(['main: main', 'gather: gather', 'gather children ×3: a b c', 'other: other']);
  });

  it('when even the families do not fit, a parent takes what it made into its lane, and says so', () => {
    const chain = made(['main'], ['job', 1], ['step-1', 2], ['step-2', 2]);
    expect(shown(chain, laneGroups(chain, 2, WORDS))).toEqual(['main: main', 'job + children ×3: job step-1 step-2']);
    const rows = made(['main'], ['a', 1], ['a-child', 2], ['b', 1], ['b-child', 4], ['c', 1], ['c-child', 6]);
    const groups = laneGroups(rows, 2, WORDS);
    expect(shown(rows, groups)).toEqual(['main: main', 'main children ×6: a a-child b b-child c c-child']);
    expectEachRowOnce(rows, groups);
  });

  it('keeps the grouping while only states change, and groups again when a name, the room or the language does', () => {
    const list = (state: 'waiting' | 'resolved', last: string) => [entity(1, 'main', 'waiting'), ...Array.from({ length: 6 }, (_, i) => entity(i + 2, i === 5 ? last : `car-${i + 1}`, i === 0 ? state : 'waiting', { parent: 't1' }))];
    const first = laneGroups(orderRows(list('waiting', 'car-6')), 2, WORDS);
    expect(laneGroups(orderRows(list('resolved', 'car-6')), 2, WORDS)).toBe(first);
    expect(laneGroups(orderRows(list('resolved', 'bus')), 2, WORDS).map((g) => g.label)).toEqual(['main', 'main children ×6']);
    expect(laneGroups(orderRows(list('resolved', 'bus')), 3, WORDS).map((g) => g.label)).toEqual(['main', 'car-* ×5', 'bus']);
    expect(laneGroups(orderRows(list('resolved', 'bus')), 2, groupWords(strings('es'))).map((g) => g.label)).toEqual(['main', 'hijos de main ×6']);
  });

  it('cuts a long label before its count, so a narrow timeline still says how many', () => {
    expect(fitLabel('  mcdonalds-* ×3', 14)).toBe('  mcdonald… ×3');
    expect(fitLabel('  async_function', 14)).toBe('  async_funct…');
    expect(fitLabel('car-* ×250', 14)).toBe('car-* ×250');
  });

  it('fills every row of the timeline, under the loop lane, with a lane per group', () => {
    const rows = made(['Task-1'], ...Array.from({ length: 16 }, (_, i) => [i < 4 ? `worker-${i + 1}` : `job-${i - 3}`, 1] as const));
    const lanes = timelineLanes(rows, [], 100, 20, 13, WORDS);
    expect(lanes).toHaveLength(13);
    expect(lanes[0]!.key).toBe('loop');
    expect(lanes.map((l) => l.label).filter((l) => l.includes('×'))).toEqual(expect.arrayContaining([expect.stringMatching(/^job-\* ×\d$/)]));
    expect(lanes.slice(1).every((l) => /^(Task-1|worker-\d|worker-\* ×\d|job-\d+|job-\* ×\d)$/.test(l.label))).toBe(true);
  });
});
