// The same trial division as countPrimes in src/cpu.ts, for threads and children, which load
// plain JavaScript. Keep the two identical: test/cpu.test.ts compares them.
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
