import * as ansi from '@alcalzone/ansi-tokenize';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JS, used by the bundle's copy of @alcalzone/ansi-tokenize (scripts/build.mjs).
import { fastStyledCharsToString } from '../scripts/styled-chars-fast.mjs';
import { random } from './helpers/random.js';

// The bundle turns rows of styled characters into text with fastStyledCharsToString: it must
// write exactly what the library's styledCharsToString writes, colour codes and all.

const fast = fastStyledCharsToString(ansi) as typeof ansi.styledCharsToString;

const E = '\u001B[';
const PIECES = [
  'plain',
  ' ',
  `${E}31mred${E}39m`,
  `${E}1mbold ${E}2mdim${E}22m`,
  `${E}2m${E}1mdim+bold${E}22m`,
  `${E}7mselected${E}27m`,
  `${E}44m${E}97mwhite on blue${E}39m${E}49m`,
  `${E}38;5;208morange${E}39m`,
  `${E}38;2;10;20;30mrgb${E}39m`,
  `${E}4munder${E}24m`,
  `${E}32m✓${E}39m`,
  `${E}1m${E}31mbold red${E}39m and bold${E}22m`,
  `${E}0mreset`,
  '\u001B]8;;https://example.com\u0007link\u001B]8;;\u0007',
  '漢字',
  `${E}36m⠋`, // left on: the row must turn it off
];

/** A blank cell as Ink makes them, between and around written text. */
const blank = (): ansi.StyledChar => ({ type: 'char', value: ' ', fullWidth: false, styles: [] });

describe('fastStyledCharsToString', () => {
  it('writes what styledCharsToString writes, for 20,000 rows of styled, blank and reused cells', () => {
    const next = random(11);
    for (let n = 0; n < 20_000; n++) {
      const row: ansi.StyledChar[] = [];
      for (let k = Math.floor(next() * 6); k >= 0; k--) {
        if (next() < 0.3) for (let b = Math.floor(next() * 4); b >= 0; b--) row.push(blank());
        const text = Array.from({ length: 1 + Math.floor(next() * 3) }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
        row.push(...ansi.styledCharsFromTokens(ansi.tokenize(text)));
      }
      // Cells shared between rows and neighbours, as a cached line's cells are.
      if (next() < 0.2 && row.length > 1) row.splice(1, 0, row[0]!);
      expect(fast(row), JSON.stringify(row.map((c) => c.value).join(''))).toBe(ansi.styledCharsToString(row));
    }
  });

  it('writes nothing for an empty row, and turns off styles left on at the end', () => {
    expect(fast([])).toBe('');
    const row = ansi.styledCharsFromTokens(ansi.tokenize(`${E}31mab`));
    expect(fast(row)).toBe(`${E}31mab${E}39m`);
  });
});
