import { configDefaults, defineConfig } from 'vitest/config';

/** Tests that measure CPU parallelism (speedups on every core): they need the cores to themselves. */
const CPU_BOUND = ['test/scenarios/cpu-async.test.ts', 'test/scenarios/threads.test.ts', 'test/scenarios/processes.test.ts'];

export default defineConfig({
  test: {
    // Timing tests share two cores: keep files in separate processes, two at a time.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: { name: 'main', include: ['test/**/*.test.{ts,tsx}'], exclude: [...configDefaults.exclude, ...CPU_BOUND] },
      },
      // After all the others, one file at a time, so no other test competes for the cores.
      { extends: true, test: { name: 'cpu', include: CPU_BOUND, fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
