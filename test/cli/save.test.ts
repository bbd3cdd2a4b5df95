import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, type CliResult } from '../helpers/cli.js';

// --save writes the runs' event stream as JSON lines, beside whatever else loopscope does.

const dir = mkdtempSync(join(tmpdir(), 'loopscope-save-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A saved file, each line parsed (every one must be a JSON object). */
function lines(path: string): Record<string, unknown>[] {
  const text = readFileSync(path, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

function expectOneLine(result: CliResult, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const said = result.stderr.trimEnd().split('\n');
  expect(said).toHaveLength(1);
  expect(said[0]).toMatch(pattern);
}

/** Elapsed times and durations vary from run to run. */
const untimed = (text: string) => text.replace(/\d+(\.\d+)? ?(ms|s)\b/g, 'N');

describe('--save', () => {
  it('headless: the transcript is the one printed without it, and the file holds the run from its header to its exit', () => {
    const path = join(dir, 'seed.jsonl');
    const saved = cli(['--headless', '-s', 'seed', '--save', path]);
    const plain = cli(['--headless', '-s', 'seed']);
    expect(saved.code).toBe(0);
    expect(untimed(saved.stdout)).toBe(untimed(plain.stdout));
    expect(untimed(saved.stderr)).toBe(untimed(plain.stderr));
    const all = lines(path);
    expect(all[0]).toMatchObject({ type: 'stream', version: 1 });
    expect(all[1]).toMatchObject({ type: 'start', scenario: 'seed', info: { title: { en: "The notes' program" } }, settings: { speed: 1, lang: 'en' } });
    expect((all[1]!.info as { source: string }).source).toContain("defineScenario");
    expect(all.at(-2)).toMatchObject({ type: 'end', scenario: 'seed', ok: true, total: 5 });
    expect(all.at(-1)).toMatchObject({ type: 'exit', code: 0 });
    const printed = all.filter((l) => l.type === 'log' && l.stream === 'stdout').map((l) => `${l.text as string}\n`);
    expect(printed.join('')).toBe(saved.stdout);
    expect(all.filter((l) => l.type === 'state' && typeof l.us !== 'number')).toEqual([]);
  });

  it('a run that fails, with lines on stderr, and one that ends its own process: every line and an end', () => {
    const failing = join(dir, 'fails.jsonl');
    const run = cli(['--headless', '--file', 'test/fixtures/stderr-then-fails.mjs', '--save', failing]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('to stderr\n');
    const all = lines(failing);
    expect(all).toContainEqual(expect.objectContaining({ type: 'log', stream: 'stderr', text: 'to stderr' }));
    expect(all).toContainEqual(expect.objectContaining({ type: 'state', name: 'doomed', state: 'rejected', error: 'Error: failed inside' }));
    expect(all.find((l) => l.type === 'end')).toMatchObject({ ok: false, status: 'failed', error: 'Error: failed inside' });

    const exiting = join(dir, 'exits.jsonl');
    expect(cli(['--headless', '--file', 'test/fixtures/exits-itself.mjs', '--save', exiting]).code).toBe(1);
    const ends = lines(exiting).slice(-2);
    expect(ends).toEqual([
      expect.objectContaining({ type: 'exit', code: 3 }),
      expect.objectContaining({ type: 'end', ok: false, error: 'exited with code 3' }),
    ]);
  });

  it('an existing file is refused with one line, unless --overwrite replaces it', () => {
    const path = join(dir, 'existing.jsonl');
    writeFileSync(path, 'keep me\n');
    expectOneLine(cli(['--headless', '-s', 'futures', '--save', path]), /^loopscope: --save: '.*existing\.jsonl' already exists; add --overwrite to replace it, or save to another path$/);
    expect(readFileSync(path, 'utf8')).toBe('keep me\n');
    expect(cli(['--headless', '-s', 'futures', '--save', path, '--overwrite']).code).toBe(0);
    expect(lines(path)[1]).toMatchObject({ type: 'start', scenario: 'futures' });
  });

  it.each([
    ['a folder', () => ['--headless', '--save', dir], /^loopscope: --save: '.*' is a folder; name a file in it, such as .*run\.jsonl$/],
    ['a missing folder', () => ['--headless', '--save', join(dir, 'nowhere', 'x.jsonl')], /^loopscope: --save: the folder '.*nowhere' does not exist; create it first or save to another path$/],
    ['the --record file', () => ['--save', join(dir, 'x.cast'), '--record', join(dir, 'x.cast')], /^loopscope: --save and --record name the same file; give each its own$/],
    [
      'the --file module',
      () => ['--file', 'test/fixtures/object-scenario.ts', '--save', 'test/fixtures/object-scenario.ts', '--overwrite'],
      /^loopscope: --save: '.*' is the --file module being run, and saving would replace it; save to another path, such as \.\/run\.jsonl$/,
    ],
  ])('a path that cannot be written stops loopscope before anything runs: %s', (_name, args, pattern) => {
    expectOneLine(cli(args()), pattern);
  });
});
