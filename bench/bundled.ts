// Workloads that draw the real App in a child process, bundled with production React as
// `npm start` runs the product.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bundleOptions } from '../scripts/build.mjs';

/**
 * Bundles `workload` (a path under bench/workloads) beside dist/cli.js, one level below the root
 * as the CLI bundle is (the scenarios' sources are found from there, and the code panel shows
 * them as it does for a user), hands its path to `use`, and removes it after.
 */
export async function withBundle<T>(workload: string, use: (bundle: string) => Promise<T>): Promise<T> {
  const entry = fileURLToPath(new URL(`workloads/${workload}`, import.meta.url));
  const bundle = fileURLToPath(new URL(`../dist/bench-${basename(workload).replace(/\.\w+$/, '')}-${process.pid}.mjs`, import.meta.url));
  try {
    const { build } = await import('esbuild');
    await build(bundleOptions(entry, bundle));
    return await use(bundle);
  } finally {
    await rm(bundle, { force: true });
  }
}

/** Runs a bundled workload in a fresh process with these arguments, and reads the JSON line it printed. */
export async function runBundle<T>(bundle: string, args: readonly (string | number)[]): Promise<T> {
  const { stdout } = await promisify(execFile)(process.execPath, [bundle, ...args.map(String)], { timeout: 120_000 });
  // Ink shows the cursor again on exit: the JSON line is the one that starts with `{`.
  const line = stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`${basename(bundle)} printed no result:\n${stdout}`);
  return JSON.parse(line) as T;
}
