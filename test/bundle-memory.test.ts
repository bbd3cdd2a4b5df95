import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { bundleOptions } from '../scripts/build.mjs';
import { ROOT } from './helpers/cli.js';

test("the bundle bounds Ink's text caches: 200,000 distinct texts measured and wrapped keep no memory", async () => {
  const dir = await mkdtemp(join(tmpdir(), 'loopscope-bundle-memory-'));
  try {
    const out = join(dir, 'probe.mjs');
    const ink = (file: string) => JSON.stringify(join(ROOT, 'node_modules/ink/build', file));
    // Ink's own modules as the bundle gets them, fed the kind of texts a dashboard shows: a clock
    // that never says the same thing twice. The live heap is read after full collections.
    const contents = `
      import measureText from ${ink('measure-text.js')};
      import wrapText from ${ink('wrap-text.js')};
      import { setFlagsFromString } from 'node:v8';
      import { runInNewContext } from 'node:vm';
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc');
      const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
      const answers = [measureText('ab\\ncde'), wrapText('a long line to cut', 6, 'truncate-end'), wrapText('wrap me please', 7, 'wrap')];
      const before = heap();
      for (let i = 0; i < 200000; i++) {
        const text = 'elapsed ' + i + ' ms since the run started';
        measureText(text);
        wrapText(text, 20, 'truncate-end');
      }
      const grown = (heap() - before) / 2 ** 20;
      process.stdout.write(JSON.stringify({ answers, grown }));
    `;
    const { build } = await import('esbuild');
    const { entryPoints: _, ...options } = bundleOptions('unused', out);
    await build({ ...options, stdin: { contents, resolveDir: ROOT, loader: 'js' } });
    const probe = JSON.parse(execFileSync(process.execPath, [out], { encoding: 'utf8' })) as { answers: unknown[]; grown: number };
    // Same answers as Ink's own; unbounded, the caches kept 65 MB of these texts (1.5 MB bounded).
    expect(probe.answers).toEqual([{ width: 3, height: 2 }, 'a lon…', 'wrap me\n please']);
    expect(probe.grown).toBeLessThan(5);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 30_000);
