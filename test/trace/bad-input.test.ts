import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { cli } from '../helpers/cli.js';

describe('a command to trace, on the command line', () => {
  it('is everything after the first --, its flags included', () => {
    expect(parseArgs(['--json', '--', 'node', 'app.js', '--help', '--', '-s']).command).toEqual(['node', 'app.js', '--help', '--', '-s']);
    expect(parseArgs(['--', 'node', '--json']).json).toBe(false);
    expect(parseArgs(['--headless']).command).toBeUndefined();
  });
});

describe('bad input around -- exits 2 with one line', () => {
  const cases: [string, string[], RegExp][] = [
    ['a command that does not exist', ['--headless', '--', 'no-such-command-here'], /^loopscope: cannot run 'no-such-command-here': no such command$/],
    ['a path that does not exist', ['--', './nowhere/app'], /^loopscope: cannot run '\.\/nowhere\/app': no such file$/],
    ['a file that is not executable', ['--', './test/fixtures/trace/not-executable.txt'], /^loopscope: cannot run '\.\/test\/fixtures\/trace\/not-executable\.txt': is not executable$/],
    ['a folder', ['--', './test'], /^loopscope: cannot run '\.\/test': is a directory$/],
    ['-- with nothing after it', ['--headless', '--'], /^loopscope: -- needs a command after it: loopscope -- node app\.js$/],
    ['--scenario and a command', ['-s', 'seed', '--', 'node', 'app.js'], /^loopscope: --scenario is for scenarios; a command after -- is traced instead: give one or the other$/],
    ['--file and a command', ['--file', 'x.ts', '--', 'node', 'app.js'], /^loopscope: --file is for scenarios; a command after -- is traced instead: give one or the other$/],
    ['--all and a command', ['--all', '--', 'node', 'app.js'], /^loopscope: --all is for scenarios; /],
    ['--speed and a command', ['--speed', '2', '--', 'node', 'app.js'], /^loopscope: --speed is for scenarios; a traced command runs at its own pace: drop --speed$/],
    ['--autoplay and a command', ['--autoplay', '--', 'node', 'app.js'], /^loopscope: --autoplay is for scenarios; /],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const run = cli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});
