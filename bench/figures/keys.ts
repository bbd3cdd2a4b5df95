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

/** Tasks waiting on screen when the keys begin: past rush hour's first wave of 1,000 cars. */
const ON_THE_ROAD = 2000;
/** How long rush hour at 100k may take to put them on the road, and to end. */
const ON_THE_ROAD_MS = 60_000;
const END_MS = 180_000;

/**
 * Rush hour with 100,000 tasks in the dashboard in a real terminal: while the tasks are on the
 * road (tens of thousands waiting), ↓ and ↑ move the selection; for each key, the time from the
 * dashboard's process getting it to the end of the next frame written, as `script` logged them.
 * The run is in its own process: the dashboard answers keys while it reads the run's stream (every
 * one of the 100,000 tasks' changes), which is what keeps its loop busy.
 */
export const keys: Measure = {
  names: ['keys-100k'],
  async run() {
    await ensureBuilt();
    const answers = SIZES.map(() => [] as number[]);
    const waiting: number[] = [];
    for (const [at, [columns, rows]] of SIZES.entries()) {
      const once = await keysOnce(columns, rows);
      answers[at]!.push(...once.answers);
      waiting.push(once.waiting);
    }
    const medians = answers.map((a) => median(a));
    const detail = SIZES.map(([c, r], i) => `${c}x${r}: median ${Math.round(medians[i]!)} ms, worst ${Math.round(Math.max(...answers[i]!))} ms`).join('; ');
    return [
      atMost(
        'keys-100k',
        Math.max(...medians),
        'ms',
        GOAL_MS,
        `rush-hour --scale 100k in the dashboard: ${KEYS} selection keys during the rush (from ${waiting.map((w) => w.toLocaleString('en')).join(' and ')} tasks waiting), key read → next frame written (script's log); ${detail}; the larger median`,
      ),
    ];
  },
};

async function keysOnce(columns: number, rows: number): Promise<{ answers: number[]; waiting: number }> {
  const run = await TerminalRun.start(columns, rows, '--lang en -s rush-hour --scale 100k');
  try {
    // Thousands waiting past the first wave, not tens of thousands: a dashboard slow to read the
    // run's stream holds the program back (a full pipe), so the cars arrive slower than they leave
    // and fewer wait at once than headless.
    const screen = await run.terminal.waitFor((s) => Number(/(\d+) wait/.exec(s)?.[1] ?? 0) >= ON_THE_ROAD, 'thousands of tasks on the road', ON_THE_ROAD_MS);
    const waiting = Number(/(\d+) wait/.exec(screen)![1]);
    for (let i = 0; i < KEYS; i++) {
      run.terminal.keys(i % 3 === 2 ? 'Up' : 'Down');
      await new Promise((resolve) => setTimeout(resolve, KEY_GAP_MS));
    }
    await run.terminal.waitFor((s) => s.includes('ended in'), 'the rush to end', END_MS);
    const answers = await run.answers();
    await run.quit();
    if (answers.length < KEYS) throw new Error(`${answers.length} of ${KEYS} keys were answered`);
    return { answers: answers.slice(0, KEYS), waiting };
  } finally {
    await run.close();
  }
}
