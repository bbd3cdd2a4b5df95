import { runBundle, withBundle } from '../bundled.js';
import { atMost, median, type Measure } from '../figure.js';

const ENTITIES = 10_000;
const RUNS = 3;
/** The size most screens have, and the smallest the dashboard draws in. */
const SIZES = [
  [160, 48],
  [80, 24],
] as const;

/** What one run of bench/workloads/frame.tsx prints. */
interface FrameRun {
  readonly columns: number;
  readonly rows: number;
  readonly entities: number;
  /** ms from the change to the end of the frame's write, one per timed frame. */
  readonly times: readonly number[];
}

/**
 * The real App over a tracker of 10,000 live tasks, bundled with production React as `npm start`
 * runs it, each size in fresh processes (alternated, so a noisy moment hits both alike): the
 * median frame of each process, then the median of those.
 */
export const frame: Measure = {
  names: ['frame-10k', 'frame-10k-80x24'],
  async run() {
    return withBundle('frame.tsx', async (bundle) => {
      const medians = SIZES.map(() => [] as number[]);
      for (let i = 0; i < RUNS; i++) {
        for (const [at, [columns, rows]] of SIZES.entries()) medians[at]!.push(median((await frameOnce(bundle, columns, rows)).times));
      }
      const [large, small] = medians.map((m) => median(m));
      const how = (columns: number, rows: number) =>
        `the real App with ${ENTITIES.toLocaleString('en')} live tasks, 100 changing state per frame, drawn by Ink to a ${columns}x${rows} terminal (production React, bundled); change → frame written, median of ${RUNS} processes' medians`;
      return [atMost('frame-10k', large!, 'ms', 5, how(160, 48)), atMost('frame-10k-80x24', small!, 'ms', 5, how(80, 24))];
    });
  },
};

async function frameOnce(bundle: string, columns: number, rows: number): Promise<FrameRun> {
  const run = await runBundle<FrameRun>(bundle, [columns, rows, ENTITIES]);
  if (run.entities !== ENTITIES || run.times.length === 0) throw new Error(`the frame workload drew ${run.times.length} frames of ${run.entities} entities`);
  return run;
}
