import { configDefaults, defineConfig } from 'vitest/config';

/** Tests that measure CPU parallelism (speedups on every core): they need the cores to themselves. */
const CPU_BOUND = ['test/scenarios/cpu-async.test.ts', 'test/scenarios/threads.test.ts', 'test/scenarios/processes.test.ts'];
/** Tests that drive the real app in tmux: they wait on frames, so they run apart from the rest. */
const TERMINAL = ['test/e2e/**/*.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    // Timing tests share two cores: keep files in separate processes, two at a time.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: { name: 'main', include: ['test/**/*.test.{ts,tsx}'], exclude: [...configDefaults.exclude, ...CPU_BOUND, ...TERMINAL] },
      },
      // After the others, one file at a time: a real terminal's frames come on time when nothing
      // else competes for the cores; a slow machine gets a longer limit, not a weaker check.
      {
        extends: true,
        test: { name: 'terminal', include: TERMINAL, fileParallelism: false, testTimeout: 60_000, sequence: { groupOrder: 1 } },
      },
      // Last, one file at a time, with time to measure a speedup again while a shared machine is busy.
      { extends: true, test: { name: 'cpu', include: CPU_BOUND, fileParallelism: false, testTimeout: 60_000, sequence: { groupOrder: 2 } } },
    ],
  },
});
