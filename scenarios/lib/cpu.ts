import { existsSync } from 'node:fs';

/**
 * The CPU-bound job shared by the cpu-async, threads and processes scenarios, and where its
 * worker-side copies live.
 */

/** Sized so one count takes roughly 200 ms on one core; the scenarios print what it really took. */
export const PRIMES_LIMIT = 1_500_000;

/**
 * Primes below `limit`, by trial division: deliberately naive, so it is pure CPU with no await.
 * It lives in workers/count-primes.mjs, plain JavaScript, because worker threads and children load
 * files as they are; the main thread uses the very same function.
 */
export { countPrimes } from '../../workers/count-primes.mjs';

/** The same job in Python, as the scenarios' Python mirrors define it. */
export const COUNT_PRIMES_PY = `def count_primes(limit: int) -> int:
    count = 0
    for n in range(2, limit):
        d = 2
        while d * d <= n:
            if n % d == 0:
                break
            d += 1
        else:  # no divisor found
            count += 1
    return count`;

/** The entry files in workers/: one for a worker thread, one for a forked child. */
export type WorkerFile = 'primes-worker.mjs' | 'primes-child.mjs';

/**
 * URL of a file in the top-level workers/ folder: two levels up from this module in the sources
 * (scenarios/lib/), one from the bundle (dist/) its code is built into.
 */
export function workerFile(file: WorkerFile): URL {
  const near = new URL(`../workers/${file}`, import.meta.url);
  return existsSync(near) ? near : new URL(`../../workers/${file}`, import.meta.url);
}
