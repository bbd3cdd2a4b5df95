// Ink's own modules and the two of its dependencies that its Output imports (installed with Ink).
import { styledCharsToString } from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JS, patched into the bundle's copy of Ink (scripts/build.mjs).
import { outputRows } from '../scripts/ink-output-rows.mjs';
import { random } from './helpers/random.js';

// The bundle's Output#get() (scripts/ink-output-rows.mjs) must make exactly the frame Ink's own
// get() makes: the same writes, clips and transformers in, the same string out, first time and
// when rows come from its memo.

const { default: Output } = await import(new URL('../node_modules/ink/build/output.js', import.meta.url).href);

type Transformer = (line: string, index: number) => string;
interface InkOutput {
  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void;
  clip(clip: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
  unclip(): void;
  get(): { output: string; height: number };
}

const PIECES = ['hello', ' ', '\u001B[31mred\u001B[39m', '\u001B[1m\u001B[44mbold on blue\u001B[49m\u001B[22m', '漢字', '✓ ✗ ⊘', '👍🏽', '─────', '\u001B[7mselected\u001B[27m', 'é', 'e\u0301', 'a\u200Bb', '\u0007', '▁▂▃█'];
const upper: Transformer = (line) => line.toUpperCase();
const numbered: Transformer = (line, index) => `${index}:${line}`;

function randomFrame(seed: number): { output: InkOutput; width: number; height: number } {
  const next = random(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const width = int(5, 40);
  const height = int(2, 12);
  const output = new Output({ width, height }) as InkOutput;
  let clips = 0;
  for (let op = int(1, 25); op > 0; op--) {
    const roll = next();
    if (roll < 0.12) {
      const clip: { x1?: number; x2?: number; y1?: number; y2?: number } = {};
      if (next() < 0.7) Object.assign(clip, { x1: int(-2, width), x2: int(0, width + 2) });
      if (next() < 0.7) Object.assign(clip, { y1: int(-2, height), y2: int(0, height + 2) });
      output.clip(clip);
      clips++;
    } else if (roll < 0.18 && clips > 0) {
      output.unclip();
      clips--;
    } else {
      const lines = Array.from({ length: int(1, 3) }, () => Array.from({ length: int(0, 4) }, () => pick(PIECES)).join(''));
      const transformers = next() < 0.2 ? [pick([upper, numbered])] : [];
      output.write(int(-3, width + 2), int(-2, height + 1), lines.join('\n'), { transformers });
    }
  }
  return { output, width, height };
}

describe("the bundle's Output#get()", () => {
  it("makes the frame Ink's own makes, for 2000 frames of writes, clips, wide characters and colours", () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const { output } = randomFrame(seed);
      const ink = output.get();
      const first = outputRows(output, { sliceAnsi, styledCharsToString });
      // The second time the rows come from the memo.
      const again = outputRows(output, { sliceAnsi, styledCharsToString });
      expect(first, `seed ${seed}`).toEqual(ink);
      expect(again, `seed ${seed} from the memo`).toEqual(ink);
    }
  });

  it('makes as many rows as Ink for a fractional, negative or NaN height', () => {
    for (const height of [2.5, 0.2, 0, -1, Number.NaN]) {
      const output = new Output({ width: 5, height }) as InkOutput;
      output.write(0, 0, 'hi', { transformers: [] });
      expect(outputRows(output, { sliceAnsi, styledCharsToString }), `height ${height}`).toEqual(output.get());
    }
  });

  it('tells apart rows that differ only in what was written where', () => {
    // One Output, so both rows are made of the very same styled characters: only x tells them apart.
    const output = new Output({ width: 10, height: 2 }) as InkOutput;
    output.write(0, 0, 'ab', { transformers: [] });
    output.write(1, 1, 'ab', { transformers: [] });
    expect(outputRows(output, { sliceAnsi, styledCharsToString }).output).toBe('ab\n ab');
  });
});
