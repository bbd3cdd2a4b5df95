import { describe, expect, it } from 'vitest';
import { cli, piped } from '../helpers/cli.js';

// A program that prints a flood, headless: --json loses no line of it, and a reader that has read
// enough ends it quietly.

const PRINTS = '--file test/fixtures/prints-lines.mjs';
const lines = (count: number) => ({ LOOPSCOPE_TEST_LINES: String(count) });

describe('--json of a program printing a flood', () => {
  it('gives 200,000 printed lines as exactly 200,000 log events, in order', () => {
    const run = cli(['--json', ...PRINTS.split(' ')], lines(200_000));
    expect(run.code).toBe(0);
    const printed = run.stdout
      .split('\n')
      .filter((line) => line.includes('"type":"log"'))
      .map((line) => (JSON.parse(line) as { text: string }).text);
    expect(printed).toHaveLength(200_000);
    expect(printed.findIndex((text, i) => text !== `line ${i + 1}`)).toBe(-1);
  });

  it('of 1,000,000 lines, read by `head -2`, ends quietly (exit 0, nothing on stderr) once head has its lines', () => {
    const run = piped(`--json ${PRINTS}`, 2, '', lines(1_000_000));
    const [header, start, ...rest] = run.stdout.split('\n').map((line) => (line ? (JSON.parse(line) as { type: string; scenario?: string }) : undefined));
    expect(header).toMatchObject({ type: 'stream' });
    expect(start).toMatchObject({ type: 'start', scenario: 'prints-lines' });
    expect(rest).toEqual([undefined]);
    expect(run.stderr).toBe('status=0\n');
    // Read to the end, the flood takes far longer: it stops with its reader.
    expect(run.ms).toBeLessThan(5000);
  });
});
