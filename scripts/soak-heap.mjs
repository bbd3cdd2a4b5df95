// Loaded into the soaked app by `soak.mjs --heap` (NODE_OPTIONS=--import): every 10 s a full
// garbage collection, then the live heap and RSS appended to $SOAK_HEAP_LOG (never the terminal),
// so the soak can tell memory kept alive from garbage not yet collected.
import { appendFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const log = process.env.SOAK_HEAP_LOG;
if (log) {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const start = performance.now();
  // Unref'd: runs do not count it as theirs, and it keeps nothing alive.
  setInterval(() => {
    gc();
    const { heapUsed, rss } = process.memoryUsage();
    appendFileSync(log, `${Math.round(performance.now() - start)} ${(heapUsed / 2 ** 20).toFixed(1)} ${(rss / 2 ** 20).toFixed(1)}\n`);
  }, 10_000).unref();
}
