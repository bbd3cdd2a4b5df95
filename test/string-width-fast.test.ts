import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JS, used by the bundle's memo of string-width (scripts/build.mjs).
import { fastStringWidth } from '../scripts/string-width-fast.mjs';
import { random } from './helpers/random.js';

// The bundle measures text with fastStringWidth(stringWidth): it must give string-width's answer
// for any text, the dashboard's own (bars, borders, spinners, marks) and anything a scenario prints.

const width = fastStringWidth(stringWidth) as (text: string) => number;

const PIECES = [
  'plain ascii',
  '▁▂▃▄▅▆▇█',
  '░▒▓─│┌┐└┘├┤┄',
  '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏',
  '✓✗⊘·›…■●',
  'é',
  'e\u0301', // e and a combining acute: one cluster
  '漢字かな',
  'ｶﾞ', // halfwidth katakana and a halfwidth voiced mark
  '\u1100\u1161\u11A8', // Hangul jamo L V T: one syllable
  '\uAC00\u11A8', // a precomposed syllable and a trailing jamo
  '👍🏽',
  '👨‍👩‍👧',
  '🇪🇸',
  '✔\uFE0F',
  '1\uFE0F\u20E3',
  'क्ष', // a Devanagari conjunct
  '\u001B[31mred\u001B[39m',
  '\t',
  '\r\n',
  '\u200D',
  '\u00AD',
  '\uFFFD',
];

describe('fastStringWidth', () => {
  it('gives string-width’s width for every character of the basic plane on its own', () => {
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      if (width(c) !== stringWidth(c)) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('gives string-width’s width for 20,000 random texts of UI marks, CJK, jamo, emoji, marks and colour codes', () => {
    const next = random(7);
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      for (let k = Math.floor(next() * 6); k >= 0; k--) {
        const piece = PIECES[Math.floor(next() * PIECES.length)]!;
        // Whole pieces, and pieces cut anywhere (half a cluster, half a surrogate pair).
        text += next() < 0.7 ? piece : piece.slice(Math.floor(next() * piece.length));
      }
      expect(width(text), JSON.stringify(text)).toBe(stringWidth(text));
    }
  });
});
