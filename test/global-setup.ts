import { buildIfStale } from '../scripts/build.mjs';

/**
 * The bundle the tests' runs start from: a run's process is `node dist/agent.js`, so the bundle
 * must be as new as the sources before any test starts one (once, not per test file).
 */
export default async function setup(): Promise<void> {
  if (!(await buildIfStale())) throw new Error('the bundle does not build (see the line above)');
}
