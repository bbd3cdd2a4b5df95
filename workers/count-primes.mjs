// Primes below `limit` by trial division: the CPU job of the cpu-async, threads and processes
// scenarios, in plain JavaScript so worker threads and children can load it as it is.
export function countPrimes(limit) {
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
