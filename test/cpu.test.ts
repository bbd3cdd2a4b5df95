import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { countPrimes, workerFile } from '../src/cpu.js';

test('the worker-side prime counter is the same algorithm as the main thread one', async () => {
  const js = (await import(new URL('../workers/count-primes.mjs', import.meta.url).href)) as { countPrimes(limit: number): number };
  for (const limit of [0, 2, 3, 10, 1000, 100_000]) expect(js.countPrimes(limit)).toBe(countPrimes(limit));
  // π(10⁵) = 9592: a known value, so both cannot be wrong the same way.
  expect(countPrimes(100_000)).toBe(9592);
});

test('workerFile finds the files in the top-level workers/ folder', () => {
  for (const file of ['primes-worker.mjs', 'primes-child.mjs'] as const) {
    const path = fileURLToPath(workerFile(file));
    expect(path.endsWith(`/workers/${file}`)).toBe(true);
    expect(existsSync(path)).toBe(true);
  }
});
