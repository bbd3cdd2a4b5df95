// A worker thread of the pool: says 'ready', then answers each { limit } job with its count and
// the milliseconds it took; 'close' lets the thread end by itself (exit code 0).
import { parentPort } from 'node:worker_threads';
import { countPrimes } from './count-primes.mjs';

parentPort.on('message', (job) => {
  if (job === 'close') {
    parentPort.close();
    return;
  }
  const start = performance.now();
  const count = countPrimes(job.limit);
  parentPort.postMessage({ count, ms: Math.round(performance.now() - start) });
});
parentPort.postMessage('ready');
