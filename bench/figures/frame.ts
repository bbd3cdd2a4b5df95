import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bundleOptions } from '../../scripts/build.mjs';
import { atMost, median, type Measure } from '../figure.js';
import { screenEnv } from '../screen-env.js';

const WORKLOAD = fileURLToPath(new URL('../workloads/frame.tsx', import.meta.url));
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
    // Beside dist/cli.js, one level below the root as the CLI bundle is: the scenarios' sources
    // are found from there, and the code panel shows them as it does for a user.
    const bundle = fileURLToPath(new URL(`../../dist/bench-frame-${process.pid}.mjs`, import.meta.url));
    try {
      const { build } = await import('esbuild');
      await build(bundleOptions(WORKLOAD, bundle));
      const medians = SIZES.map(() => [] as number[]);
      for (let i = 0; i < RUNS; i++) {
        for (const [at, [columns, rows]] of SIZES.entries()) medians[at]!.push(median((await frameOnce(bundle, columns, rows)).times));
      }
      const [large, small] = medians.map((m) => median(m));
      const how = (columns: number, rows: number) =>
        `the real App with ${ENTITIES.toLocaleString('en')} live tasks, 100 changing state per frame, drawn by Ink to a ${columns}x${rows} terminal (production React, bundled); change → frame written, median of ${RUNS} processes' medians`;
      return [atMost('frame-10k', large!, 'ms', 5, how(160, 48)), atMost('frame-10k-80x24', small!, 'ms', 5, how(80, 24))];
    } finally {
      await rm(bundle, { force: true });
    }
  },
};

async function frameOnce(bundle: string, columns: number, rows: number): Promise<FrameRun> {
  const { stdout } = await promisify(execFile)(process.execPath, [bundle, String(columns), String(rows), String(ENTITIES)], {
    timeout: 120_000,
    env: screenEnv(),
  });
  // Ink shows the cursor again on exit: the JSON line is the one that starts with `{`.
  const line = stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`the frame workload printed no result:\n${stdout}`);
  const run = JSON.parse(line) as FrameRun;
  if (run.entities !== ENTITIES || run.times.length === 0) throw new Error(`the frame workload drew ${run.times.length} frames of ${run.entities} entities`);
  return run;
}
