import { describe, expect, it } from 'vitest';
import { layoutFor } from '../src/view/layout.js';
import { tabStrip } from '../src/view/tabs.js';

describe('layoutFor', () => {
  it('refuses terminals under 80x24', () => {
    expect(layoutFor(79, 40)).toBeUndefined();
    expect(layoutFor(200, 23)).toBeUndefined();
  });

  it('fills one row less than the terminal, at every size, and panels fill the width', () => {
    for (const [columns, rows] of [
      [80, 24],
      [100, 30],
      [120, 40],
      [160, 48],
      [250, 70],
    ] as const) {
      const l = layoutFor(columns, rows)!;
      expect(l.height).toBe(rows - 1);
      expect(1 + l.top.height + l.timeline + l.bottom.height + 2).toBe(rows - 1);
      expect(l.top.code + l.top.explain + l.top.tasks).toBe(columns);
      expect(l.bottom.loop + l.bottom.console + l.bottom.explain).toBe(columns);
      expect(l.bottom.height).toBeGreaterThanOrEqual(5);
    }
  });

  it('gives the explanation a panel only when the terminal is wide', () => {
    expect(layoutFor(80, 24)!.bottom.explain).toBe(0);
    expect(layoutFor(160, 48)!.bottom.explain).toBeGreaterThan(40);
  });

  it('on a tour, always shows the explanation: in the code’s place (half the width) when narrow', () => {
    const narrow = layoutFor(80, 24, true)!;
    expect(narrow.top).toMatchObject({ code: 0, explain: 40, tasks: 40 });
    expect(narrow.bottom.explain).toBe(0);
    const wide = layoutFor(160, 48, true)!;
    expect(wide.top.explain).toBe(0);
    expect(wide.top.code).toBeGreaterThan(0);
    expect(wide.bottom.explain).toBeGreaterThan(40);
  });
});

describe('tabStrip', () => {
  const ids = ['seed', 'sync-vs-async', 'futures', 'coroutines', 'tasks', 'event-loop', 'concurrency', 'cpu-async', 'threads', 'processes', 'io-bound'];

  it('keeps the current tab and its nearest neighbours when all do not fit', () => {
    const strip = tabStrip(ids, 5, 50);
    const shown = strip.tabs.map((t) => t.index);
    expect(shown).toContain(5);
    expect(shown.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...shown) - Math.min(...shown) + 1).toBe(shown.length);
    expect(strip.moreBefore && strip.moreAfter).toBe(true);
  });

  it('numbers the first nine; later tabs have only their name', () => {
    const strip = tabStrip(ids, 10, 400);
    expect(strip.tabs[0]!.text).toBe('1 seed');
    expect(strip.tabs[10]!.text).toBe('io-bound');
    expect(strip.moreBefore || strip.moreAfter).toBe(false);
  });
});
