import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, type CliResult } from '../helpers/cli.js';

// --replay without a screen: a saved stream's transcript, or its lines; and every file it cannot play.

const dir = mkdtempSync(join(tmpdir(), 'loopscope-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectOneLine(result: CliResult, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const said = result.stderr.trimEnd().split('\n');
  expect(said).toHaveLength(1);
  expect(said[0]).toMatch(pattern);
}

/** Runs headless with --save; returns the run and the saved file. */
function saved(name: string, args: string[]): { run: CliResult; path: string } {
  const path = join(dir, `${name}.jsonl`);
  return { run: cli(['--headless', ...args, '--save', path]), path };
}

describe('--save, then --replay --headless', () => {
  it.each([
    ['seed', ['-s', 'seed']],
    ['futures', ['-s', 'futures']],
    ['event-loop', ['-s', 'event-loop']],
    ['concurrency', ['-s', 'concurrency']],
    ['a failing run with stderr lines', ['--file', 'test/fixtures/stderr-then-fails.mjs']],
    ['a program that ends its own process', ['--file', 'test/fixtures/exits-itself.mjs']],
  ])('prints the transcript the run printed, and exits as it did: %s', (name, args) => {
    const { run, path } = saved(name.replace(/\W+/g, '-'), args);
    const replay = cli(['--headless', '--replay', path]);
    expect(replay.stdout).toBe(run.stdout);
    expect(replay.stderr).toBe(run.stderr);
    expect(replay.code).toBe(run.code);
    expect(run.stderr).toMatch(/ (entity|entities) · /);
  });

  it('--json re-emits the saved lines as they are', () => {
    const { path } = saved('json', ['-s', 'coroutines']);
    const replay = cli(['--headless', '--json', '--replay', path]);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toBe(readFileSync(path, 'utf8'));
  });

  it('a --json output replays too, and a file of several runs gets a title before each', () => {
    const path = join(dir, 'output.jsonl');
    const json = cli(['--json', '-s', 'seed']);
    writeFileSync(path, json.stdout + json.stdout.split('\n').slice(1).join('\n'));
    const replay = cli(['--headless', '--replay', path]);
    expect(replay.code).toBe(0);
    expect(replay.stdout.match(/^== seed: The notes' program ==$/gm)).toHaveLength(2);
    expect(replay.stdout.match(/^Sync Results: Test$/gm)).toHaveLength(2);
    expect(replay.stderr.match(/^✓ seed ended in \d+ ms · 5 entities · nothing left alive$/gm)).toHaveLength(2);
  });
});

describe('--replay of a file cut short', () => {
  it('replays the whole lines, and says on one line that the file was cut', () => {
    const { run, path } = saved('whole', ['-s', 'seed']);
    const text = readFileSync(path, 'utf8');
    const cut = join(dir, 'cut.jsonl');
    // The last line (the exit) loses its end: everything before it is whole.
    writeFileSync(cut, text.slice(0, -10));
    const lines = text.trimEnd().split('\n').length;
    const replay = cli(['--headless', '--replay', cut]);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toBe(run.stdout);
    expect(replay.stderr).toBe(`loopscope: --replay: '${cut}' was cut short (line ${lines} is incomplete); replaying the ${lines - 1} whole lines before it\n${run.stderr}`);

    // Cut mid-run: what was printed until then, and no end to tell.
    const early = join(dir, 'early.jsonl');
    const at = text.indexOf('"text":"Future Result: Test"');
    writeFileSync(early, text.slice(0, at + 5));
    const partial = cli(['--headless', '--replay', early]);
    expect(partial.code).toBe(0);
    expect(partial.stdout).toBe(run.stdout.slice(0, run.stdout.indexOf('Future Result: Test')));
    const said = partial.stderr.trimEnd().split('\n');
    expect(said[0]).toMatch(/^loopscope: --replay: '.*early\.jsonl' was cut short \(line \d+ is incomplete\); replaying the \d+ whole lines before it$/);
    expect(said.at(-1)).toMatch(/^… seed: the recording stops \d+ms in, before the run ended$/);
  });
});

describe('--replay of what it cannot play exits 2 with one line', () => {
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const HEADER = '{"type":"stream","version":1,"loopscope":"0.1.0"}\n';
  const START = '{"t":0,"type":"start","scenario":"seed"}\n';

  it.each([
    ['a missing file', () => join(dir, 'nowhere.jsonl'), /^loopscope: --replay: no such file '.*nowhere\.jsonl'$/],
    [
      'a directory',
      () => {
        mkdirSync(join(dir, 'folder'), { recursive: true });
        return join(dir, 'folder');
      },
      /^loopscope: --replay: '.*folder' is a directory; name a file in it, saved with --save$/,
    ],
    ['an empty file', () => file('empty.jsonl', ''), /^loopscope: --replay: '.*empty\.jsonl' is empty; give a file written by --save or --json$/],
    ['a file that is not JSON lines', () => 'README.md', /^loopscope: --replay: 'README\.md' is not JSON lines \(line 1 is not a JSON object\); give a file written by --save or --json$/],
    ['one line of text, no newline', () => file('word.txt', 'hello'), /^loopscope: --replay: '.*word\.txt' is not JSON lines \(line 1 is not a JSON object\); /],
    ['JSON lines of something else', () => file('other.jsonl', '{"type":"event","x":1}\n'), /^loopscope: --replay: '.*other\.jsonl' is not a loopscope stream \(line 1 is not its \{"type":"stream"\} header\); /],
    ['an asciicast', () => file('demo.cast', '{"version":2,"width":80,"height":24}\n[0.1,"o","x"]\n'), /^loopscope: --replay: '.*demo\.cast' is not JSON lines \(line 1 is not a JSON object\); /],
    ['a stream of another format version', () => file('v2.jsonl', '{"type":"stream","version":2,"loopscope":"9.0.0"}\n' + START), /^loopscope: --replay: '.*v2\.jsonl' is a stream of format version 2 \(loopscope 9\.0\.0\); this loopscope \(\d+\.\d+\.\d+\) reads version 1$/],
    ['a header and no run', () => file('norun.jsonl', HEADER), /^loopscope: --replay: '.*norun\.jsonl' holds no run \(no start line\); /],
    ['a line in the middle that is not JSON', () => file('broken.jsonl', HEADER + START + 'oops\n{"t":1,"type":"exit","code":0}\n'), /^loopscope: --replay: '.*broken\.jsonl' line 3 is not a JSON object; /],
    ['a line that lacks a field', () => file('field.jsonl', HEADER + START + '{"t":1,"type":"log","stream":"stdout"}\n'), /^loopscope: --replay: '.*field\.jsonl' line 3: a log line needs text \(string\)$/],
    ['a header cut in its first line', () => file('first.jsonl', '{"type":"str'), /^loopscope: --replay: '.*first\.jsonl' was cut short in its first line; /],
  ])('%s', (_name, path, pattern) => {
    expectOneLine(cli(['--headless', '--replay', path()]), pattern);
  });

  const elsewhere = join(dir, 'any.jsonl');
  it.each([
    ['--scenario', ['-s', 'seed'], /^loopscope: --replay plays a saved stream and runs nothing; drop --scenario\/--file\/--all$/],
    ['--file', ['--file', 'test/fixtures/object-scenario.ts'], /^loopscope: --replay plays a saved stream and runs nothing; drop --scenario\/--file\/--all$/],
    ['--all', ['--all'], /^loopscope: --replay plays a saved stream and runs nothing; drop --scenario\/--file\/--all$/],
    ['--save of the same path', ['--save', elsewhere], /^loopscope: --save names the file --replay plays, and would replace it; drop --save$/],
    ['--save of another path', ['--save', join(dir, 'copy.jsonl')], /^loopscope: --replay plays a saved stream and runs nothing to save; drop --save \(copy the file to keep it\)$/],
    ['--autoplay', ['--autoplay'], /^loopscope: --autoplay tours the scenarios; drop --replay, or --autoplay$/],
  ])('and with %s', (_name, args, pattern) => {
    expectOneLine(cli(['--replay', elsewhere, ...args]), pattern);
  });

  it('and with no file named', () => {
    expectOneLine(cli(['--replay=']), /^loopscope: --replay needs a value: --replay <file\.jsonl>$/);
  });
});
