import { atMost, median, type Measure } from '../figure.js';
import { ensureBuilt, TerminalRun } from '../terminal.js';

const RUNS = 5;
const SIZES = [
  [80, 24],
  [160, 48],
] as const;

/**
 * `node bin/loopscope.js` (the bundle, with its staleness check, as `npm start` runs it without
 * npm's own start-up) in a real terminal under `script`, which logs when each write arrives: from
 * `script` starting the program to the end of the first whole frame. A first start, unmeasured,
 * loads the files into the page cache as any earlier use would have.
 */
export const firstFrame: Measure = {
  names: ['first-frame'],
  async run() {
    await ensureBuilt();
    const times = SIZES.map(() => [] as number[]);
    for (let i = 0; i <= RUNS; i++) {
      for (const [at, [columns, rows]] of SIZES.entries()) {
        const ms = (await firstFrameOnce(columns, rows)) * 1000;
        if (i > 0) times[at]!.push(ms);
      }
    }
    const medians = times.map((t) => median(t));
    const sizes = SIZES.map(([c, r], i) => `${c}x${r} ${Math.round(medians[i]!)} ms`).join(', ');
    return [
      atMost(
        'first-frame',
        Math.max(...medians),
        'ms',
        400,
        `process start to the first whole frame written, node bin/loopscope.js in tmux under script (its timing log); the larger median of ${RUNS} starts per size (${sizes})`,
      ),
    ];
  },
};

async function firstFrameOnce(columns: number, rows: number): Promise<number> {
  const run = await TerminalRun.start(columns, rows, '--lang en');
  try {
    const at = await run.firstFrame();
    await run.quit();
    return at;
  } finally {
    await run.close();
  }
}
