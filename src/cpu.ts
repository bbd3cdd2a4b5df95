/**
 * The CPU-bound job shared by the cpu-async, threads and processes scenarios, and where its
 * worker-side copies live.
 */

/** Sized so one count takes roughly 200 ms on one core; the scenarios print what it really took. */
export const PRIMES_LIMIT = 1_500_000;

/**
 * Primes below `limit`, by trial division: deliberately naive, so it is pure CPU with no await.
 * workers/count-primes.mjs is the same algorithm in plain JavaScript (worker threads and children
 * load files as they are, with no TypeScript step); test/cpu.test.ts keeps the two in step.
 */
export function countPrimes(limit: number): number {
  let count = 0;
  for (let n = 2; n < limit; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

/** The entry files in workers/: one for a worker thread, one for a forked child. */
export type WorkerFile = 'primes-worker.mjs' | 'primes-child.mjs';

/**
 * URL of a file in the top-level workers/ folder. This module sits one level below the root in
 * the sources (src/) and its code one level below in the bundle (dist/), so the same relative
 * URL finds the folder from both.
 */
export function workerFile(file: WorkerFile): URL {
  return new URL(`../workers/${file}`, import.meta.url);
}
