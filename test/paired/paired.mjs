// What the recorder (record.mjs, plain node) and the test (paired.test.ts) share: where the cases
// are, which there are, how many run at once, and the one normalisation both outputs go through.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CASES_DIR = fileURLToPath(new URL('./cases/', import.meta.url));

/** Cases run this many at a time: two cores stay busy while other cases sleep. */
export const PARALLEL = 4;

/** Every case's name: each `<name>.py` and each `<name>.mjs` in cases/, sorted, once. */
export function caseNames() {
  const names = new Set();
  for (const file of readdirSync(CASES_DIR)) {
    const match = /^(.+)\.(py|mjs)$/.exec(file);
    if (match) names.add(match[1]);
  }
  return [...names].sort();
}

/**
 * Only what differs by nature between the two runs (README.md, "Normalisation"): an object's
 * address, and the source file and line in a Task's coroutine repr, which a .mjs cannot share
 * with its .py.
 */
const BY_NATURE = [
  // `<coroutine object work at 0x7f2faa38a770>` -> `<coroutine object work>`
  / at 0x[0-9a-f]+/g,
  // `coro=<work() running at case.py:5>`, `coro=<work() done, defined at case.py:5>` -> `coro=<work()>`
  / (?:running at|done, defined at) [^\s>]+:\d+/g,
];

export function normalise(text) {
  return BY_NATURE.reduce((out, pattern) => out.replace(pattern, ''), text);
}

/** Calls `work` on every item, at most `limit` at once; the promises come back in item order. */
export function mapLimit(items, limit, work) {
  const settlers = [];
  const results = items.map(() => new Promise((resolve, reject) => settlers.push({ resolve, reject })));
  let next = 0;
  // Each lane takes the next item as soon as its last one is done.
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i]).then(settlers[i].resolve, settlers[i].reject);
    }
  };
  for (let n = 0; n < Math.min(limit, items.length); n++) void lane();
  return results;
}
