import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../scenarios/index.js';
import { explainPages, pageAt, wrapWords } from '../src/view/explain-pages.js';

describe('wrapWords', () => {
  it('breaks between words within the width and cuts a word longer than a line', () => {
    expect(wrapWords('a future is an empty box', 10)).toEqual(['a future', 'is an', 'empty box']);
    expect(wrapWords('InvalidStateError raised', 8)).toEqual(['InvalidS', 'tateErro', 'r raised']);
  });
});

describe('explainPages', () => {
  it('keeps every word of every explanation, in order, in pages that fit the panel', () => {
    for (const scenario of SCENARIOS) {
      for (const lang of ['en', 'es'] as const) {
        for (const [width, rows] of [
          [36, 6],
          [56, 9],
        ] as const) {
          const pages = explainPages(scenario.explain[lang], width, rows);
          for (const page of pages) {
            expect(page.length).toBeGreaterThan(0);
            expect(page.length).toBeLessThanOrEqual(rows);
            for (const line of page) expect(line.length).toBeLessThanOrEqual(width);
          }
          const words = (text: string) => text.replace(/[•…]/g, ' ').split(/\s+/).filter(Boolean);
          expect(words(pages.flat().join(' '))).toEqual(words(scenario.explain[lang].join(' ')));
        }
      }
    }
  });

  it('starts each bullet on a page with • and never splits one across pages', () => {
    const pages = explainPages(['one two three four', 'five six', 'seven'], 10, 3);
    expect(pages).toEqual([['• one two', '  three', '  four'], ['• five six', '• seven']]);
  });

  it('cuts a bullet taller than a page, with …', () => {
    expect(explainPages(['aaa bbb ccc ddd eee fff'], 9, 2)).toEqual([['• aaa bbb', '  ccc dd…']]);
    expect(explainPages(['aaa bbb cc ddd eee fff'], 9, 2)).toEqual([['• aaa bbb', '  cc ddd…']]);
  });
});

describe('pageAt', () => {
  it('gives each page an equal share of the time on screen, and keeps the last', () => {
    expect([0, 999, 1000, 2500, 2999, 5000].map((t) => pageAt(3, t, 3000))).toEqual([0, 0, 1, 2, 2, 2]);
    expect(pageAt(1, 5000, 3000)).toBe(0);
  });
});
