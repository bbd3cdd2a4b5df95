import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { countPrimes, workerFile } from '../scenarios/lib/cpu.js';

test('the prime counter is right (the main thread and the workers share it)', () => {
  expect([0, 2, 3, 10, 1000].map(countPrimes)).toEqual([0, 0, 1, 4, 168]);
  // π(10⁵) = 9592.
  expect(countPrimes(100_000)).toBe(9592);
});

test('workerFile finds the files in the top-level workers/ folder', () => {
  for (const file of ['primes-worker.mjs', 'primes-child.mjs'] as const) {
    const path = fileURLToPath(workerFile(file));
    expect(path.endsWith(`/workers/${file}`)).toBe(true);
    expect(existsSync(path)).toBe(true);
  }
});
