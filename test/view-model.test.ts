import { describe, expect, it } from 'vitest';
import { findScenario, loadBuiltin } from '../scenarios/index.js';
import { codeLines, codeWindowStart } from '../src/view/code-view.js';
import { barChart, cutFractions, formatMs, wrapLines } from '../src/text/format.js';
import { moveSelection, orderRows, windowStart } from '../src/view/rows.js';
import { strings } from '../src/view/i18n.js';
import { groupWords } from '../src/view/lane-groups.js';
import { sameLane, timelineLanes, withOpenPause } from '../src/view/timeline.js';
import { entity } from './components/fixtures.js';

describe('orderRows', () => {
  it('puts each entity under its creator, in creation order, and caches per snapshot', () => {
    const entities = [
      entity(1, 'main', 'running'),
      entity(2, 'a', 'running', { parent: 't1' }),
      entity(3, 'b', 'running', { parent: 't1' }),
      entity(4, 'a-child', 'running', { parent: 't2' }),
      entity(5, 'orphan', 'running', { parent: 't99' }),
    ];
    const rows = orderRows(entities);
    expect(rows.map((r) => `${r.depth}:${r.entity.name}`)).toEqual(['0:main', '1:a', '2:a-child', '1:b', '0:orphan']);
    expect(orderRows(entities)).toBe(rows);
  });

  it('a list of the same shape shows its new states; the same ids with other creators (another run) are walked again', () => {
    const tree = (state: 'running' | 'resolved', parentOfC: string) => [
      entity(1, 'a', 'running'),
      entity(2, 'b', state, { parent: 't1' }),
      entity(3, 'c', 'running', { parent: parentOfC }),
    ];
    const first = orderRows(tree('running', 't1'));
    const changed = orderRows(tree('resolved', 't1'));
    expect(changed.map((r) => `${r.depth}:${r.entity.name}:${r.entity.state}`)).toEqual(['0:a:running', '1:b:resolved', '1:c:running']);
    expect(changed).not.toBe(first);
    const other = orderRows(tree('resolved', 't2'));
    expect(other.map((r) => `${r.depth}:${r.entity.name}`)).toEqual(['0:a', '1:b', '2:c']);
  });

  it('moves a selection over rows and keeps it inside the window', () => {
    const rows = orderRows(Array.from({ length: 10 }, (_, i) => entity(i + 1, `e${i + 1}`, 'running')));
    expect(moveSelection(rows, undefined, 1)).toBe('t1');
    expect(moveSelection(rows, undefined, -1)).toBe('t10');
    expect(moveSelection(rows, 't10', 1)).toBe('t10');
    for (let selected = 0; selected < 10; selected++) {
      const start = windowStart(10, 4, selected);
      expect(selected).toBeGreaterThanOrEqual(start);
      expect(selected).toBeLessThan(start + 4);
    }
    expect(windowStart(10, 4, -1)).toBe(6);
  });
});

describe('timelineLanes', () => {
  const words = groupWords(strings('en'));

  it('puts pending before running on the real time axis and marks the end state', () => {
    const rows = orderRows([entity(1, 'x', 'resolved', { created: 0, started: 50, settled: 100 })]);
    const [loop, lane] = timelineLanes(rows, [], 100, 10, 4, words);
    expect(loop!.key).toBe('loop');
    expect(lane!.segments.map((s) => s.text).join('')).toBe('░░░░░█████'.slice(0, 9) + '✓');
  });

  it('shows a pause across a bar alive then, and never more lanes than rows', () => {
    const entities = Array.from({ length: 9 }, (_, i) => entity(i + 1, `e${i}`, 'running', { created: 0, started: 0 }));
    const lanes = timelineLanes(orderRows(entities), [{ kind: 'paused', start: 40, end: 60 }], 100, 10, 4, words);
    expect(lanes).toHaveLength(4);
    expect(lanes[0]!.segments.some((s) => s.role === 'paused')).toBe(true);
    expect(lanes.slice(1).every((l) => l.label.includes('×'))).toBe(true);
  });

  it('draws the pause going on now as paused, not as work, before the tracker records it', () => {
    const rows = orderRows([entity(1, 'main', 'running', { created: 0, started: 0 })]);
    const step = { t: 50, label: 'wait', line: 3 };
    const bar = (marks: Parameters<typeof timelineLanes>[1]) => timelineLanes(rows, marks, 100, 10, 1, words)[0]!.segments.map((s) => s.text).join('');
    expect(bar(withOpenPause([], undefined, 100))).toBe('██████████');
    expect(bar(withOpenPause([], step, 100))).toBe('█████┄┄┄┄┄');
  });

  it('tells lanes that draw the same from lanes that do not, frame to frame', () => {
    const rows = orderRows([entity(1, 'x', 'running', { created: 0, started: 0 }), entity(2, 'y', 'waiting', { created: 0, started: 25 })]);
    const lanes = (now: number) => timelineLanes(rows, [], now, 10, 3, words);
    // 4 ms later on a 10-column bar: the same cells, in new objects.
    const [a, b] = [lanes(100), lanes(104)];
    expect(a[1]).not.toBe(b[1]);
    expect(a.every((lane, i) => sameLane(lane, b[i]!))).toBe(true);
    // The bars rescale as the run goes on: y's pending stretch shrinks.
    const later = lanes(200);
    expect(sameLane(a[2]!, later[2]!)).toBe(false);
    expect(sameLane(a[1]!, { ...a[1]!, label: 'z' })).toBe(false);
    expect(sameLane(a[1]!, { ...a[1]!, depth: 1 })).toBe(false);
    expect(sameLane(a[1]!, { ...a[1]!, segments: [...a[1]!.segments, { role: 'running', text: '█' }] })).toBe(false);
    expect(sameLane(a[1]!, { ...a[1]!, segments: a[1]!.segments.map((s) => ({ ...s, role: 'blocked' as const })) })).toBe(false);
  });
});

describe('code view', () => {
  it('marks the TypeScript line of the step, and the Python line with the same step label', () => {
    const seed = loadBuiltin(findScenario('seed')!);
    const line = seed.source.split('\n').findIndex((l) => l.includes("ctx.step('set result')")) + 1;
    const ts = codeLines(seed, 'ts', { t: 0, label: 'set result', line })!;
    expect(ts.lines[ts.highlight!]).toContain("await ctx.step('set result')");
    const py = codeLines(seed, 'python', { t: 0, label: 'set result', line })!;
    expect(py.lines[py.highlight!]).toBe('    future.set_result("Future Result: Test")');
    expect(py.lines.some((l) => l.includes('# step'))).toBe(false);
    const start = codeWindowStart(ts, 6);
    expect(ts.highlight! - start).toBeGreaterThanOrEqual(0);
    expect(ts.highlight! - start).toBeLessThan(6);
  });

  it("shows the whole of a user's file that has no run(ctx), not just its first lines", () => {
    const source = "// A comment first\nexport default async function mine(ctx) {\n  console.log('hi');\n  await ctx.sleep(10);\n}\n";
    const file = { id: 'mine', title: 'mine', summary: { en: '', es: '' }, explain: { en: [], es: [] }, run: async () => undefined, source };
    expect(codeLines(file, 'ts', undefined)!.lines).toEqual(source.split('\n'));
  });
});

describe('barChart', () => {
  it('scales to the ceiling, draws a floor, and stacks tall values over rows', () => {
    expect(barChart([0, 25, 50], 3, 1, 50)).toEqual(['▁▄█']);
    expect(barChart([0, 100], 4, 2, 50)).toEqual(['   █', '  ▁█']);
  });
});

describe('formatMs', () => {
  it('fits every duration in 5 characters', () => {
    const cases: [number, string][] = [
      [0.42, '0.4ms'],
      [9.96, '10ms'],
      [999.6, '1.00s'],
      [1250, '1.25s'],
      [12_500, '12.5s'],
      [59_940, '59.9s'],
      [125_000, '2m05s'],
      [133_700, '2m14s'],
      [684_300, '11m'],
      [3_660_000, '1h01m'],
      [43_200_000, '12h'],
    ];
    for (const [ms, text] of cases) expect(formatMs(ms)).toBe(text);
    for (let ms = 0.01; ms < 1e8; ms *= 1.7) expect(formatMs(ms).length, String(ms)).toBeLessThanOrEqual(5);
  });
});

describe('cell and paragraph text', () => {
  it('cuts long fractions with a mark, and leaves other numbers whole', () => {
    expect(cutFractions('1726.3769116601907')).toBe('1726.376…');
    expect(cutFractions('[ 0.12345, 2.5, 10 ]')).toBe('[ 0.123…, 2.5, 10 ]');
    expect(cutFractions('v1.2.3 took 1.2345')).toBe('v1.2.3 took 1.2345');
  });

  it('wraps at spaces, breaks words longer than a line, and keeps line breaks', () => {
    expect(wrapLines('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapLines('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
    expect(wrapLines('Error: boom\n    at run (a.ts:1)', 40)).toEqual(['Error: boom', '    at run (a.ts:1)']);
  });
});
