import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers/cli.js';

/**
 * A traced program prints exactly what it prints alone: the same stdout, the same stderr (stack
 * traces included) and the same exit code as plain node gives the same file, run after run.
 */
describe('loopscope --headless -- node <program>', () => {
  it.each([
    ['test/fixtures/trace/phases.mjs', 0],
    ['test/fixtures/trace/fs-callbacks.cjs', 0],
    ['test/fixtures/trace/unhandled-rejection.mjs', 1],
    ['test/fixtures/trace/exit-midway.mjs', 3],
    ['test/fixtures/trace/throws.cjs', 1],
  ])('%s prints what plain node prints, and exits as it does (%i)', { timeout: 90_000 }, (fixture, code) => {
    const plain = spawnSync(process.execPath, [fixture], { cwd: ROOT, encoding: 'utf8' });
    expect(plain.status).toBe(code);
    expect(plain.stdout).not.toBe('');
    for (let i = 0; i < 3; i++) {
      const traced = cli(['--headless', '--', process.execPath, fixture]);
      expect(traced.stdout, `run ${i}`).toBe(plain.stdout);
      expect(traced.stderr, `run ${i}`).toBe(plain.stderr);
      expect(traced.code, `run ${i}`).toBe(code);
    }
  });

  it("passes the program's own flags on: what follows -- is never read as loopscope's", () => {
    const run = cli(['--headless', '--', process.execPath, 'test/fixtures/trace/args.mjs', '--help', '--json', '-s', 'seed', '--']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(['--help', '--json', '-s', 'seed', '--']);
  });

  it('runs a command that is not Node, prints its output, and says that no Node process was seen', () => {
    const run = cli(['--headless', '--', 'ls', 'test/fixtures/trace']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toContain('phases.mjs');
    expect(run.stderr).toBe('loopscope: no Node process was seen (the command ran, but nothing reported to the trace)\n');
  });

  it("exits with a command's own exit code, and 128 + n for a signal", () => {
    expect(cli(['--headless', '--', 'sh', '-c', 'exit 7']).code).toBe(7);
    expect(cli(['--headless', '--', 'sh', '-c', 'kill -TERM $$']).code).toBe(143);
  });
});
