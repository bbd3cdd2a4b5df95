// A child process of the pool (child_process.fork): the same conversation as primes-worker.mjs,
// over the IPC channel; 'close' disconnects it, and with nothing left to do the process exits 0.
import { countPrimes } from './count-primes.mjs';

process.on('message', (job) => {
  if (job === 'close') {
    process.disconnect();
    return;
  }
  const start = performance.now();
  const count = countPrimes(job.limit);
  process.send({ count, ms: Math.round(performance.now() - start) });
});
process.send('ready');
