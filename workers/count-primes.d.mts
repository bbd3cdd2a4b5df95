/** Primes below `limit`, by trial division (see count-primes.mjs). */
export function countPrimes(limit: number): number;
