import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
