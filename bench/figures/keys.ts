import { atMost, median, type Measure } from '../figure.js';
import { ensureBuilt, TerminalRun } from '../terminal.js';

const KEYS = 12;
const KEY_GAP_MS = 150;
/** Two frames at 30 a second: a key is answered within a frame or two. */
const GOAL_MS = 66;
const SIZES = [
  [160, 48],
  [80, 24],
] as const;

/**
 * Rush hour with 100,000 tasks in the dashboard in a real terminal: while the tasks are on the
 * road (tens of thousands waiting), ↓ and ↑ move the selection; for each key, the time from the
 * program getting it to the end of the next frame written, as `script` logged them.
 */
export const keys: Measure = {
  names: ['keys-100k'],
  async run() {
    await ensureBuilt();
    const answers = SIZES.map(() => [] as number[]);
    for (const [at, [columns, rows]] of SIZES.entries()) answers[at]!.push(...(await keysOnce(columns, rows)));
    const medians = answers.map((a) => median(a));
    const detail = SIZES.map(([c, r], i) => `${c}x${r}: median ${Math.round(medians[i]!)} ms, worst ${Math.round(Math.max(...answers[i]!))} ms`).join('; ');
    return [
      atMost(
        'keys-100k',
        Math.max(...medians),
        'ms',
        GOAL_MS,
        `rush-hour --scale 100k in the dashboard: ${KEYS} selection keys during the rush, key read → next frame written (script's log); ${detail}; the larger median`,
      ),
    ];
  },
};

async function keysOnce(columns: number, rows: number): Promise<number[]> {
  const run = await TerminalRun.start(columns, rows, '--lang en -s rush-hour --scale 100k');
  try {
    await run.terminal.waitFor((s) => /\d{5,} wait/.test(s), 'tens of thousands of tasks on the road', 30_000);
    for (let i = 0; i < KEYS; i++) {
      run.terminal.keys(i % 3 === 2 ? 'Up' : 'Down');
      await new Promise((resolve) => setTimeout(resolve, KEY_GAP_MS));
    }
    await run.terminal.waitFor((s) => s.includes('ended in'), 'the rush to end', 60_000);
    const answers = await run.answers();
    await run.quit();
    if (answers.length < KEYS) throw new Error(`${answers.length} of ${KEYS} keys were answered`);
    return answers.slice(0, KEYS);
  } finally {
    await run.close();
  }
}
