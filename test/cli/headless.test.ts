import { chmodSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, piped, ROOT } from '../helpers/cli.js';

/** Lines with addresses, source locations and timings masked, so Python's and ours compare. */
function mask(text: string): string[] {
  return text
    .trim()
    .split('\n')
    .map((line) =>
      line
        .replace(/ at 0x[0-9a-f]+>/, '>')
        .replace(/\(\) running at [^>]+>/, '()>')
        .replace(/elapsed \d+\.\d+s/, 'elapsed Ns'),
    );
}

describe('headless CLI', () => {
  it('prints the seed transcript in the same order as the Python program, in about 0.3 s', () => {
    const run = cli(['--headless', '-s', 'seed']);
    expect(run.code).toBe(0);
    const python = readFileSync(new URL('../fixtures/seed-python.out.txt', import.meta.url), 'utf8');
    expect(mask(run.stdout)).toEqual(mask(python));
    const elapsed = Number(/elapsed (\d+\.\d+)s/.exec(run.stdout)![1]);
    expect(elapsed).toBeGreaterThanOrEqual(0.29);
    expect(elapsed).toBeLessThan(1.5);
    expect(run.stderr).toMatch(/✓ seed ended in \d+ ms · 5 entities · nothing left alive/);
  });

  it('counts one entity as one, not "1 entities"', () => {
    const run = cli(['--headless', '--file', 'test/fixtures/order-simple.mjs']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/✓ order-simple ended in \d+ ms · 1 entity · nothing left alive/);
  });

  it('is the default when stdout is not a terminal', () => {
    const run = cli([]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('This is a synchronous function');
  });

  it('--json prints one DESIGN §5 event per line, after the stream header', () => {
    const run = cli(['--json', '-s', 'seed']);
    expect(run.code).toBe(0);
    const [header, ...events] = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(header).toEqual({ type: 'stream', version: 1, loopscope: pkg.version });
    expect(events[0]).toMatchObject({ type: 'start', scenario: 'seed' });
    // The run's end, then its process's exit.
    expect(events.at(-2)).toMatchObject({ type: 'end', scenario: 'seed', ok: true });
    expect(events.at(-1)).toMatchObject({ type: 'exit', code: 0 });
    const times = events.map((e) => e.t as number);
    expect(times.every((t, i) => typeof t === 'number' && (i === 0 || t >= times[i - 1]!))).toBe(true);
    const task2 = events.filter((e) => e.type === 'state' && e.name === 'Task-2');
    expect(task2[0]).toMatchObject({ kind: 'task', state: 'pending', id: expect.stringMatching(/^t\d+$/) });
    expect(task2.at(-1)).toMatchObject({ state: 'resolved', value: 'Async Result: Test' });
    expect(events).toContainEqual(expect.objectContaining({ type: 'log', stream: 'stdout', text: 'Sync Results: Test' }));
    expect(events).toContainEqual(expect.objectContaining({ type: 'step', label: 'create future', line: expect.any(Number) }));
    const loop = events.filter((e) => e.type === 'loop');
    expect(loop.length).toBeGreaterThan(0);
    expect(loop.every((e) => typeof e.lagMs === 'number' && typeof e.utilization === 'number')).toBe(true);
    // The 100 ms blocking call shows as lag.
    expect(Math.max(...loop.map((e) => e.maxMs as number))).toBeGreaterThanOrEqual(90);
    const end = events.at(-2)!;
    expect(end.wallMs).toBeGreaterThan(290);
  });

  it('--list prints key, id and summary in the chosen language', () => {
    const en = cli(['--list', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout.split('\n')[0]).toMatch(/^1 +seed +The notes' program: /);
    const es = cli(['--list'], { LANG: 'es_ES.UTF-8' });
    expect(es.stdout.split('\n')[0]).toMatch(/^1 +seed +El programa de los apuntes: /);
  });

  it('--help lists every flag, --version prints the version', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--scenario', '--list', '--headless', '--json', '--all', '--speed', '--lang', '--record', '--autoplay', '--file']) {
      expect(help.stdout).toContain(flag);
    }
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(cli(['-v']).stdout.trim()).toBe(pkg.version);
  });

  it('--speed scales the scenario sleeps, and the transcript shows the real time', () => {
    const run = cli(['--headless', '-s', 'seed', '--speed', '2']);
    expect(run.code).toBe(0);
    const elapsed = Number(/elapsed (\d+\.\d+)s/.exec(run.stdout)![1]);
    expect(elapsed).toBeGreaterThanOrEqual(0.14);
    expect(elapsed).toBeLessThan(0.29);
  });
});

describe('--file', () => {
  it('runs a .ts program through tsx with the same order as node', () => {
    const fixture = 'test/fixtures/order-ts.ts';
    const plain = spawnSync(process.execPath, ['--import', 'tsx', 'test/fixtures/plain-node.mjs', fixture], { cwd: ROOT, encoding: 'utf8' });
    const ours = cli(['--headless', '--file', fixture]);
    expect(ours.code).toBe(0);
    expect(plain.stdout).toContain('end of body');
    expect(ours.stdout.replace('sync number', 'sync X')).toBe(plain.stdout.replace('sync number', 'sync X'));
  });

  it('runs a defineScenario object from a .ts file', () => {
    const run = cli(['--headless', '--file', 'test/fixtures/object-scenario.ts']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("<Task pending name='sleeper' coro=<anonymous()>>\nslept\n");
    expect(run.stderr).toMatch(/✓ mine ended/);
  });

  it('reports what a program left alive', () => {
    const run = cli(['--headless', '--file', 'test/fixtures/leaky.mjs'], {});
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('left alive after the run: 1 Timeout');
    expect(run.stderr).toContain('waiting for what the run left scheduled (1 Timeout), up to 5 s');
  }, 30_000);
});

describe('bad input exits 2 with one line', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown flag', ['--bogus'], /unknown option '--bogus'; run 'loopscope --help'/],
    ['unknown short flag', ['-z'], /unknown option '-z'/],
    ['stray argument', ['seed'], /unexpected argument 'seed'/],
    ['unknown scenario', ['-s', 'nope'], /unknown scenario 'nope'; choose one of: seed, /],
    ['missing scenario value', ['--scenario'], /--scenario needs a value/],
    ['speed not a number', ['--speed', 'fast'], /--speed must be a number from 0.1 to 10, not 'fast'/],
    ['speed too high', ['--speed', '11'], /--speed must be a number from 0.1 to 10, not '11'/],
    ['speed too low', ['--speed=0.01'], /--speed must be a number from 0.1 to 10/],
    ['bad language', ['--lang', 'fr'], /--lang must be en or es, not 'fr'/],
    ['flag given twice', ['--json', '--json'], /--json is given twice/],
    ['missing file', ['--file', 'nowhere.ts'], /--file: no such file 'nowhere.ts'/],
    ['directory as file', ['--file', 'test'], /--file: 'test' is a directory/],
    ['not a module', ['--file', 'README.md'], /--file: 'README.md' is not a .ts, .js or .mjs module/],
    ['syntax error', ['--file', 'test/fixtures/syntax-error.ts'], /--file: 'test\/fixtures\/syntax-error.ts' does not load: line 2:\d+: /],
    ['no default export', ['--file', 'test/fixtures/no-default.mjs'], /has no default export; add 'export default async \(ctx\) => \{ \.\.\. \}'/],
    ['not a scenario', ['--file', 'test/fixtures/not-a-scenario.mjs'], /is not a scenario; export an async \(ctx\) => \{\} or an object with run\(ctx\)/],
    ['file and scenario', ['--file', 'x.ts', '-s', 'seed'], /give --file or --scenario, not both/],
    ['file that throws on import', ['--file', 'test/fixtures/throws-on-import.mjs'], /does not load: Error: broken at import$/],
    ['empty file value', ['--file='], /--file needs a value: --file <path>$/],
    ['empty scenario value', ['--scenario='], /--scenario needs a value: --scenario <id>$/],
    ['missing value at the end', ['--lang'], /--lang needs a value: --lang <en\|es>$/],
    ['a flag where a value should be', ['-s', '--json'], /--scenario needs a value: --scenario <id>$/],
    ['a value for a switch', ['--json=yes'], /--json takes no value; give it as --json$/],
    ['speed in another notation', ['--speed=1e2'], /--speed must be a number from 0.1 to 10, not '1e2'/],
    ['negative speed', ['--speed', '-1'], /--speed must be a number from 0.1 to 10, not '-1'/],
    ['negative speed, no leading digit', ['--speed', '-.5'], /--speed must be a number from 0.1 to 10, not '-.5'/],
    ['negative autoplay', ['--autoplay', '-1'], /--autoplay must be a number from 1 to 600, not '-1'$/],
    ['negative autoplay, before another flag', ['--autoplay', '-5', '-s', 'seed'], /--autoplay must be a number from 1 to 600, not '-5'$/],
    ['autoplay under a second', ['--autoplay', '.5'], /--autoplay must be a number from 1 to 600, not '.5'$/],
    ['bad scale', ['--scale', '5k'], /--scale must be 10k or 100k, not '5k'/],
    ['autoplay of 0 s', ['--autoplay=0'], /--autoplay must be a number from 1 to 600, not '0'/],
    ['autoplay not a number', ['--autoplay=soon'], /--autoplay must be a number from 1 to 600, not 'soon'/],
    ['autoplay headless', ['--headless', '--autoplay'], /--autoplay tours the dashboard; drop --headless/],
    ['all with a scenario', ['--all', '-s', 'seed'], /--all runs every built-in scenario; drop --scenario\/--file/],
    ['a lone dash', ['-'], /unexpected argument '-'/],
    ['a double dash with nothing after it', ['--'], /-- needs a command after it: loopscope -- node app.js$/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const run = cli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^loopscope: /);
    expect(lines[0]).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('an unreadable --file', () => {
  // Root reads any file whatever its mode; as root, the check runs the CLI as nobody instead.
  const asRoot = process.getuid?.() === 0;
  it(`exits 2 with one line${asRoot ? ' (the CLI run as nobody: root reads a mode-000 file)' : ''}`, () => {
    // Fresh bundle first: run as nobody, the launcher could not rebuild it.
    expect(cli(['--version']).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'loopscope-unreadable-'));
    const file = join(dir, 'secret.mjs');
    try {
      writeFileSync(file, 'export default async () => {};\n');
      chmodSync(file, 0o000);
      chmodSync(dir, 0o755);
      const run = spawnSync(process.execPath, [BIN, '--headless', '--file', file], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`loopscope: --file: cannot read '${file}' (permission denied); make it readable (chmod +r)\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a reader that stops reading (| head)', () => {
  it.each([
    ['--json', '--json', ''],
    ['the transcript', '--headless', ''],
    ['every scenario, stderr too', '--headless --all', '2>&1'],
  ])('%s: exits 0 quietly, no EPIPE, and stops the run', (_name, args, redirect) => {
    const run = piped(args, 3, redirect);
    expect(run.stdout.match(/\n/g)).toHaveLength(3);
    expect(run.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(run.stderr.trim().split('\n').at(-1)).toBe('status=0');
    // --all takes over 10 s when read to the end; it stops with its reader instead.
    expect(run.ms).toBeLessThan(5000);
  });
});

describe.skipIf(!existsSync('/dev/full'))('an output that fails (a full disk: /dev/full)', () => {
  /** Runs loopscope with stdout, or stderr, on /dev/full, where every write fails with ENOSPC. */
  function full(args: string[], stream: 'stdout' | 'stderr') {
    const fd = openSync('/dev/full', 'w');
    try {
      const start = performance.now();
      const run = spawnSync(process.execPath, [BIN, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', stream === 'stdout' ? fd : 'pipe', stream === 'stderr' ? fd : 'pipe'],
        timeout: 60_000,
      });
      return { ...run, ms: performance.now() - start };
    } finally {
      closeSync(fd);
    }
  }

  it.each([
    ['the transcript', ['--headless', '-s', 'seed']],
    ['--json', ['--json', '-s', 'seed']],
    ['every scenario', ['--headless', '--all']],
  ])('%s on stdout: exits 1 with one line saying why, and stops the run', (_name, args) => {
    const run = full(args, 'stdout');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('loopscope: cannot write the transcript to stdout: no space left on device (ENOSPC)\n');
    // --all takes over 10 s when written to the end; it stops at the first failed write instead.
    expect(run.ms).toBeLessThan(5000);
  });

  it('on stderr: exits 1 (there is nowhere left to say why)', () => {
    const run = full(['--headless', '-s', 'seed'], 'stderr');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Async Result: Test');
  });
});

describe('a scenario that never ends', () => {
  it('headless, is reported as failed once nothing is left to run (node would just exit)', () => {
    const run = cli(['--headless', '--file', 'test/fixtures/faults/never-ends.mjs']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('waiting forever\n');
    expect(run.stderr).toMatch(/^✗ never-ends failed: it never ended: nothing was left to run, yet it still waited \(on a promise nothing will settle\)/);
    const json = cli(['--json', '--file', 'test/fixtures/faults/never-ends.mjs']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout.trim().split('\n').at(-2)!)).toMatchObject({ type: 'end', ok: false, status: 'failed', error: expect.stringMatching(/^it never ended/) });
  });
});

it('the binary is executable through its shebang', () => {
  expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
});
