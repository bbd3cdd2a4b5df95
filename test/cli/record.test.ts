import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, cli, type CliResult } from '../helpers/cli.js';

// A --record path that cannot be written fails before anything starts: exit 2, one line that
// names the problem and the fix. (No terminal here: the path is checked before the terminal is.)

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'loopscope-cli-record-'));
  // Builds the bundle if the sources changed, so a run as another user below need not write it.
  cli(['--version']);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectOneLine(result: CliResult, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe('--record paths that cannot be written', () => {
  it('a missing folder', () => {
    const result = cli(['--record', join(dir, 'nowhere', 'demo.cast')]);
    expectOneLine(result, /^loopscope: --record: the folder '.*nowhere' does not exist; create it first or record to another path$/);
  });

  it('a folder', () => {
    expectOneLine(cli(['--record', dir]), /^loopscope: --record: '.*' is a folder; name a file in it, such as .*demo\.cast$/);
  });

  it('a folder without write permission', () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const args = [BIN, '--record', join(locked, 'demo.cast')];
    // Permissions do not bind root: run as nobody then.
    const child =
      process.getuid?.() === 0
        ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8' })
        : spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    expectOneLine({ code: child.status, stdout: child.stdout, stderr: child.stderr, ms: 0 }, /^loopscope: --record: no permission to write '.*demo\.cast'; record to a folder you can write, such as \.\/demo\.cast$/);
    expect(existsSync(join(locked, 'demo.cast'))).toBe(false);
  });
});

describe('--record paths the system refuses, in its own words', () => {
  it.skipIf(!existsSync('/proc/self'))('a file /proc will not make: not a missing folder', () => {
    expectOneLine(cli(['--record', '/proc/demo.cast']), /^loopscope: --record: cannot create '\/proc\/demo\.cast': no such file or directory \(ENOENT\); record to a folder you can write, such as \.\/demo\.cast$/);
  });

  it.skipIf(!existsSync('/sys/kernel'))('a file /sys will not make: the reason it gives', () => {
    // Permission denied, or a read-only file system in a container: never a missing folder.
    expectOneLine(cli(['--record', '/sys/kernel/demo.cast']), /^loopscope: --record: (no permission to write '\/sys\/kernel\/demo\.cast'|'\/sys\/kernel\/demo\.cast' is on a read-only file system \(EROFS\)); /);
  });

  it('a symbolic link to itself', () => {
    const loop = join(dir, 'loop.cast');
    symlinkSync(loop, loop);
    expectOneLine(cli(['--record', loop]), /^loopscope: --record: cannot write '.*loop\.cast': too many symbolic links encountered \(ELOOP\); record to another path$/);
  });
});

describe('a --record path that exists', () => {
  /** The line a run without a terminal ends with once the --record path passed its checks. */
  const NEEDS_TERMINAL = /^loopscope: --record shows the dashboard, which needs a terminal/;

  it('a file, or a symbolic link to one, is refused without --overwrite and left as it was', () => {
    const old = join(dir, 'old.cast');
    writeFileSync(old, 'keep me');
    const link = join(dir, 'link.cast');
    symlinkSync(old, link);
    for (const path of [old, link]) {
      expectOneLine(cli(['--record', path]), /^loopscope: --record: '.*\.cast' already exists; add --overwrite to replace it, or record to another path$/);
    }
    expect(readFileSync(old, 'utf8')).toBe('keep me');
  });

  it('--overwrite lets it through (to the next check here), and leaves it as it was until the recording starts', () => {
    const old = join(dir, 'again.cast');
    writeFileSync(old, 'keep me');
    expectOneLine(cli(['--record', old, '--overwrite']), NEEDS_TERMINAL);
    expect(readFileSync(old, 'utf8')).toBe('keep me');
  });

  it('a device is written as it is: nothing is replaced', () => {
    expectOneLine(cli(['--record', '/dev/null']), NEEDS_TERMINAL);
  });

  it('the --file module being run is refused even with --overwrite, by any path to it', () => {
    const program = join(dir, 'program.mjs');
    const source = 'export default async () => {};\n';
    writeFileSync(program, source);
    const alias = join(dir, 'alias.mjs');
    symlinkSync(program, alias);
    const hard = join(dir, 'hard.cast');
    linkSync(program, hard);
    for (const [path, overwrite] of [[program, []], [program, ['--overwrite']], [alias, ['--overwrite']], [hard, ['--overwrite']]] as const) {
      expectOneLine(cli(['--file', program, '--record', path, ...overwrite]), /^loopscope: --record: '.*' is the --file module being run, and recording would replace it; record to another path, such as \.\/demo\.cast$/);
    }
    expect(readFileSync(program, 'utf8')).toBe(source);
  });

  it('--overwrite without --record changes nothing', () => {
    const run = cli(['--overwrite', '-s', 'seed']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Sync Results: Test');
  });
});

describe('--record and --autoplay without a terminal', () => {
  it('exit 2 saying the dashboard needs a terminal, and leave no file behind', () => {
    const path = join(dir, 'piped.cast');
    expectOneLine(cli(['--record', path]), /^loopscope: --record shows the dashboard, which needs a terminal \(stdout is not a terminal\); run it in a terminal, not through a pipe$/);
    expect(existsSync(path)).toBe(false);
    expectOneLine(cli(['--autoplay', '1']), /^loopscope: --autoplay shows the dashboard, which needs a terminal/);
  });
});
