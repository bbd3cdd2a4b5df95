import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_MB } from '../../src/agent/load-file.js';
import { cli, type CliResult } from '../helpers/cli.js';

// A --file that cannot be a scenario module fails at once: exit 2, one line naming what is wrong.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'loopscope-cli-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function expectOneLine(result: CliResult, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe('--file paths the system refuses, in its own words', () => {
  it('a symbolic link to itself', () => {
    const loop = join(dir, 'loop.ts');
    symlinkSync(loop, loop);
    expectOneLine(cli(['--file', loop]), /^loopscope: --file: cannot read '.*loop\.ts': too many symbolic links encountered \(ELOOP\)$/);
  });
});

describe('a --file that is not a regular file of a sane size is refused at once, unread', () => {
  /** Well under the minute a blocked open or an endless read would take before the helper gives up. */
  const AT_ONCE_MS = 10_000;

  it('a FIFO (opening it to read would wait for a writer for ever)', () => {
    const fifo = join(dir, 'pipe.ts');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const run = cli(['--file', fifo]);
    expectOneLine(run, /^loopscope: --file: '.*pipe\.ts' is a FIFO \(a named pipe\), not a regular file; give a \.ts or \.js file$/);
    expect(run.ms).toBeLessThan(AT_ONCE_MS);
  });

  it.skipIf(!existsSync('/dev/zero'))('a device such as /dev/zero (reading it never ends)', () => {
    const run = cli(['--file', '/dev/zero']);
    expectOneLine(run, /^loopscope: --file: '\/dev\/zero' is a device, not a regular file; give a \.ts or \.js file$/);
    expect(run.ms).toBeLessThan(AT_ONCE_MS);
  });

  it(`a file over ${MAX_FILE_MB} MB`, () => {
    const huge = join(dir, 'huge.mjs');
    writeFileSync(huge, 'export default async () => {};\n');
    // Sparse: the size is there, the disk is not used.
    truncateSync(huge, MAX_FILE_MB * 2 ** 20 + 1);
    expectOneLine(cli(['--file', huge]), new RegExp(`^loopscope: --file: '.*huge\\.mjs' is 10\\.1 MB; a scenario module can be at most ${MAX_FILE_MB} MB$`));
    truncateSync(huge, MAX_FILE_MB * 2 ** 20);
    // At the limit it is read: the zeros after the code are not JavaScript.
    expectOneLine(cli(['--file', huge]), /^loopscope: --file: '.*huge\.mjs' does not load: /);
  });
});
