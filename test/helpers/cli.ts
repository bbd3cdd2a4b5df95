import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/loopscope.js', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs the real loopscope binary (the bundle) with no terminal attached, for up to `timeoutMs`. */
export function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 60_000): CliResult {
  const start = performance.now();
  const child = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: timeoutMs,
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr, ms: performance.now() - start };
}
