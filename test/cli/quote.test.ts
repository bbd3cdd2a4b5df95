import { describe, expect, it } from 'vitest';
import { printable, quote } from '../../src/text/quote.js';
import { cli } from '../helpers/cli.js';

// What the user typed comes back in error messages printable and short: an ESC byte in an
// argument must not reach the terminal, and a 100 KB argument is not echoed whole.

describe('quote', () => {
  it('escapes C0 controls, DEL and C1 controls, and doubles a backslash', () => {
    expect(quote('a\nb\r\tc')).toBe("'a\\nb\\r\\tc'");
    expect(quote('\u001B[31mred')).toBe("'\\x1b[31mred'");
    expect(quote('\u0000\u0007\u007F\u0085\u009B')).toBe("'\\x00\\x07\\x7f\\x85\\x9b'");
    expect(quote('C:\\x1b')).toBe("'C:\\\\x1b'");
  });

  it('leaves printable text alone, accents and emoji included', () => {
    expect(quote('añoração 🚀 ✓')).toBe("'añoração 🚀 ✓'");
  });

  it('cuts a long value to 80 characters, the last an ellipsis, never inside an escape or a character', () => {
    expect(quote('x'.repeat(80))).toBe(`'${'x'.repeat(80)}'`);
    expect(quote('x'.repeat(81))).toBe(`'${'x'.repeat(79)}…'`);
    expect(quote('x'.repeat(100_000))).toBe(`'${'x'.repeat(79)}…'`);
    expect(printable(`${'x'.repeat(78)}\u001B`, 80)).toBe(`${'x'.repeat(78)}…`);
    expect(printable(`${'x'.repeat(78)}🚀🚀🚀`, 80)).toBe(`${'x'.repeat(78)}🚀…`);
  });
});

describe('every message that quotes user input, in the real binary', () => {
  const esc = '\u001B]0;pwned\u0007\u001B[2J';
  const shown = '\\x1b]0;pwned\\x07\\x1b[2J';
  const huge = 'y'.repeat(100_000);
  const cases: [string, string[], string][] = [
    ['unknown option', [`--bogus${esc}`], `unknown option '--bogus${shown}'`],
    ['unexpected argument', [`seed${esc}`], `unexpected argument 'seed${shown}'`],
    ['bad number', ['--speed', `1${esc}`], `--speed must be a number from 0.1 to 10, not '1${shown}'`],
    ['bad language', ['--lang', `fr${esc}`], `--lang must be en or es, not 'fr${shown}'`],
    ['bad scale', [`--scale=5k${esc}`], `--scale must be 10k or 100k, not '5k${shown}'`],
    ['unknown scenario', ['-s', `nope${esc}`], `unknown scenario 'nope${shown}'`],
    ['--file path', ['--file', `nowhere${esc}.ts`], `--file: no such file 'nowhere${shown}.ts'`],
    ['--record path', ['--record', `nowhere${esc}/demo.cast`], `--record: the folder 'nowhere${shown}' does not exist`],
  ];
  it.each(cases)('%s: control bytes escaped', (_name, args, message) => {
    const run = cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    // Nothing below a space but the final newline.
    expect(run.stderr.trimEnd()).not.toMatch(/[\u0000-\u001F\u007F-\u009F]/);
  });

  it.each([
    ['unknown option', [`--${huge}`]],
    ['unexpected argument', [huge]],
    ['unknown scenario', ['-s', huge]],
    ['bad number', ['--autoplay', `1${huge}`]],
    ['--file path', ['--file', `${huge}.ts`]],
    ['--record path', ['--record', huge]],
  ])('%s: a 100 KB argument is cut to about 80 characters', (_name, args) => {
    const run = cli(args);
    expect(run.code).toBe(2);
    const line = run.stderr.trimEnd();
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain(`${'y'.repeat(70)}…'`);
    expect(line.length).toBeLessThan(300);
  });
});
