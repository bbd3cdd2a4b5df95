import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tokenize, styledCharsFromTokens } from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';
import { expect, test } from 'vitest';
import { bundleOptions } from '../scripts/build.mjs';
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
