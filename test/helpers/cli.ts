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

/** How much of a run's stdout and stderr is kept: a program's whole flood. */
const MAX_OUTPUT = 256 * 1024 * 1024;

/** Runs the real loopscope binary (the bundle) with no terminal attached, for up to `timeoutMs`. */
export function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 60_000): CliResult {
  const start = performance.now();
  const child = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: timeoutMs,
    maxBuffer: MAX_OUTPUT,
  });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr, ms: performance.now() - start };
}

/**
 * Runs loopscope (`args` as typed in bash, `redirect` after them) into `head -n lines`; its own
 * exit code comes from PIPESTATUS, as `status=N`, last on stderr.
 */
export function piped(args: string, lines: number, redirect = '', env: NodeJS.ProcessEnv = {}): CliResult {
  const start = performance.now();
  const run = spawnSync('bash', ['-c', `node ${BIN} ${args} ${redirect} | head -n ${lines}; echo "status=\${PIPESTATUS[0]}" >&2`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, ms: performance.now() - start };
}
