import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tokenize, styledCharsFromTokens } from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';
import { describe, expect, it, test, vi } from 'vitest';
import { bundle, bundleOptions, failureLine, INK_PATCHES, inkPatchReport, patchInk, type InkPatches } from '../scripts/build.mjs';
import { ROOT } from './helpers/cli.js';

const SAMPLES = ['plain ascii', '╭─ Tasks ─╮', '█▓░ ⠋ ✓ ✗ ⊘', '日本語 and 😀 emoji', '\u001B[31mred\u001B[39m and \u001B[1mbold\u001B[22m', ''];

test('the bundle remembers string widths and colour tokens, and answers as the modules do', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'loopscope-bundle-'));
  try {
    const out = join(dir, 'probe.mjs');
    // The modules as the bundle gets them (behind its memos): each answer twice, the second remembered.
    const contents = `
      import stringWidth from 'string-width';
      import { tokenize, styledCharsFromTokens } from '@alcalzone/ansi-tokenize';
      const samples = ${JSON.stringify(SAMPLES)};
      const once = samples.map((s) => [stringWidth(s), styledCharsFromTokens(tokenize(s))]);
      const again = samples.map((s) => [stringWidth(s), styledCharsFromTokens(tokenize(s))]);
      const remembered = samples.every((s, i) => tokenize(s) === tokenize(s) && again[i][1] === styledCharsFromTokens(tokenize(s)));
      process.stdout.write(JSON.stringify({ once, again, remembered }));
    `;
    const { build } = await import('esbuild');
    const { entryPoints: _, ...options } = bundleOptions('unused', out);
    await build({ ...options, stdin: { contents, resolveDir: ROOT, loader: 'js' } });
    const probe = JSON.parse(execFileSync(process.execPath, [out], { encoding: 'utf8' })) as { once: unknown; again: unknown; remembered: boolean };
    const direct = SAMPLES.map((s) => [stringWidth(s), styledCharsFromTokens(tokenize(s))]);
    expect(JSON.parse(JSON.stringify(direct))).toEqual(probe.once);
    expect(probe.again).toEqual(probe.once);
    expect(probe.remembered).toBe(true);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 30_000);

/** Ink's module `file` as installed. */
const inkSource = (file: string) => readFileSync(join(ROOT, 'node_modules/ink/build', file), 'utf8');

/** The line the build prints when `file`'s edits no longer apply. */
const warningFor = (file: string) => `Ink's ${file} has changed; bundling it without ${INK_PATCHES[file]!.without}`;

/** The edits as a changed Ink leaves them: the last edit to each of `files` no longer finds its text (the others still do). */
function afterInkChanged(...files: string[]): InkPatches {
  const patches = { ...INK_PATCHES };
  for (const file of files) {
    const { without, edits } = INK_PATCHES[file]!;
    const [from, to] = edits.at(-1)!;
    patches[file] = { without, edits: [...edits.slice(0, -1), [`${from} /* a line Ink no longer has */`, to]] };
  }
  return patches;
}

/** Bundles `entry` as the build does; resolves to what it wrote to stderr. */
async function bundleSaying(entry: string, outfile: string, patches?: InkPatches): Promise<string> {
  let said = '';
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    said += String(chunk);
    return true;
  });
  try {
    await bundle(entry, outfile, { patches });
  } finally {
    stderr.mockRestore();
  }
  return said;
}

describe("the edits to Ink's modules", () => {
  it('all apply to the installed Ink (when this fails, an Ink update changed a module: redo its edits)', () => {
    const report = inkPatchReport();
    expect(report.map((r) => r.file)).toEqual(Object.keys(INK_PATCHES));
    expect(report.filter((r) => r.warning !== undefined)).toEqual([]);
  });

  it('leave a changed module as it is, all its edits or none, and say what the bundle lacks', () => {
    const output = inkSource('output.js');
    const patched = patchInk('output.js', output);
    expect(patched.warning).toBeUndefined();
    expect(patched.contents).toContain('inkGet() {');
    const changed = output.replace('// Initialize output array', '// Start the output array');
    expect(patchInk('output.js', changed)).toEqual({ contents: changed, warning: warningFor('output.js') });
    expect(warningFor('output.js')).toBe("Ink's output.js has changed; bundling it without the row-cache patch (slower frames, same output)");
    // Only the last of its three edits lost: the first two (a Map for a plain object) are not made either.
    const wrap = inkSource('wrap-text.js').replace('cache[cacheKey] = wrappedText;', 'cache[cacheKey] = wrapped;');
    expect(patchInk('wrap-text.js', wrap)).toEqual({ contents: wrap, warning: warningFor('wrap-text.js') });
    // A text found twice is not exact: which one to edit is a guess.
    const twice = inkSource('measure-text.js').replace('cache.set(text, dimensions);', 'cache.set(text, dimensions);\n    cache.set(text, dimensions);');
    expect(patchInk('measure-text.js', twice)).toEqual({ contents: twice, warning: warningFor('measure-text.js') });
  });

  it.each(Object.keys(INK_PATCHES))('not applying to %s, make a bundle that draws the same frames, and the build says so in one line', async (file) => {
    const dir = await mkdtemp(join(tmpdir(), 'loopscope-changed-ink-'));
    try {
      const probe = join(ROOT, 'test/fixtures/ink-frames.mjs');
      const [edited, unedited] = [join(dir, 'edited.mjs'), join(dir, 'unedited.mjs')];
      expect(await bundleSaying(probe, edited)).toBe('');
      expect(await bundleSaying(probe, unedited, afterInkChanged(file))).toBe(`loopscope: build: ${warningFor(file)}\n`);
      // Only that module went unedited: Output's row cache is there unless output.js changed.
      expect((await readFile(unedited, 'utf8')).includes('inkGet')).toBe(file !== 'output.js');
      const frames = (bundled: string) => execFileSync(process.execPath, [bundled], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '1' } });
      const drawn = frames(edited);
      expect(JSON.parse(drawn)).toHaveLength(4);
      expect(drawn).toContain('✓ Task-1 resolved 16ms');
      expect(frames(unedited)).toBe(drawn);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('none applying, leave a loopscope that starts: --help, --version and --headless', async () => {
    // Beside dist/cli.js, where the bundle finds the package it belongs to.
    const cli = join(ROOT, `dist/cli.changed-ink-${process.pid}.js`);
    try {
      const said = await bundleSaying(join(ROOT, 'src/cli/main.tsx'), cli, afterInkChanged(...Object.keys(INK_PATCHES)));
      expect(said).toBe(Object.keys(INK_PATCHES).map((file) => `loopscope: build: ${warningFor(file)}\n`).join(''));
      const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      expect(run('--version')).toMatchObject({ status: 0, stdout: `${version}\n`, stderr: '' });
      expect(run('--help')).toMatchObject({ status: 0, stdout: expect.stringContaining('Usage: loopscope [options]'), stderr: '' });
      const seed = run('--headless', '-s', 'seed');
      expect(seed.status).toBe(0);
      expect(seed.stdout).toContain('Async Result: Test');
      expect(seed.stderr).toMatch(/✓ seed ended in \d+ ms · 5 entities · nothing left alive/);
    } finally {
      await rm(cli, { force: true });
    }
  }, 60_000);
});

test('a build that fails for another reason says why in one line', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'loopscope-failed-build-'));
  try {
    const failed = await bundle(join(ROOT, 'test/fixtures/syntax-error.ts'), join(dir, 'out.mjs')).then(
      () => expect.unreachable('a file with a syntax error bundled'),
      (error: unknown) => error,
    );
    expect(failureLine(failed)).toMatch(/^test\/fixtures\/syntax-error\.ts:\d+:\d+: [^\n]+$/);
    expect(failureLine(new Error('first line\n    at a stack frame'))).toBe('first line');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
