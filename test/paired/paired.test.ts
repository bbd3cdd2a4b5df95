import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';
import { CASES_DIR, caseNames, mapLimit, normalise, PARALLEL } from './paired.mjs';

/** A case that has not ended by then never will: cancellation that never arrives, a lost wake-up. */
const CASE_TIMEOUT_MS = 15_000;
/**
 * The run's clock at a quarter speed: a 20 ms sleep lasts 80 ms of real time, while a turn of the
 * loop takes what it takes, so a loaded machine (four cases at once on two cores) does not let a
 * timer overtake the few loop turns a case counts on. Timers keep their order among themselves.
 */
const SPEED = 0.25;

interface CaseRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/**
 * The real binary on one case, as cli() runs it (same binary, cwd and NO_COLOR), but without
 * blocking: the cases run in parallel, at SPEED.
 */
function runCase(name: string): Promise<CaseRun> {
  const args = [BIN, '--headless', '--speed', String(SPEED), '--file', join(CASES_DIR, `${name}.mjs`)];
  const env = { ...process.env, NO_COLOR: '1' };
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', timeout: CASE_TIMEOUT_MS, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ code, stdout, stderr, timedOut: error?.killed === true });
    });
  });
}

/** What the run wrote to stderr besides its own summary line (`✓ <name> ended in ...`). */
function extraStderr(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line !== '' && !/^[✓✗] /.test(line));
}

/** The run as a failure message shows it: how it ended and what it wrote to stderr. */
function describeRun(run: CaseRun): string {
  const ending = run.timedOut ? `killed after ${CASE_TIMEOUT_MS / 1000} s` : `exit code ${run.code}`;
  return `${ending}; stderr:\n${run.stderr.trim() || '(empty)'}\nstdout, normalised (expected: Python's .out)`;
}

const names = caseNames();
const runs = new Map<string, Promise<CaseRun>>();

/**
 * Each case is a Python 3.11 asyncio program and the same program written for loopscope: the
 * loopscope run must print what Python printed (its .out), after the normalisation of README.md.
 */
describe('paired cases: loopscope prints what Python 3.11 printed', () => {
  beforeAll(async () => {
    // The bundle is built once before any test (test/global-setup.ts).
    const present = names.filter((name) => existsSync(join(CASES_DIR, `${name}.mjs`)));
    mapLimit(present, PARALLEL, runCase).forEach((run, i) => runs.set(present[i]!, run));
  }, 120_000);

  it.each(names)('%s', async (name) => {
    const expectedFile = join(CASES_DIR, `${name}.out`);
    expect(existsSync(join(CASES_DIR, `${name}.py`)), `${name}.mjs has no ${name}.py`).toBe(true);
    expect(existsSync(join(CASES_DIR, `${name}.mjs`)), `${name}.py has no ${name}.mjs`).toBe(true);
    expect(existsSync(expectedFile), `no ${name}.out: run npm run paired:record -- ${name}`).toBe(true);
    const run = await runs.get(name)!;
    expect(normalise(run.stdout), describeRun(run)).toBe(readFileSync(expectedFile, 'utf8'));
    // Python wrote nothing to stderr (record.mjs makes sure): no warning, no logged error.
    expect(extraStderr(run.stderr), 'stderr besides the summary line').toEqual([]);
    expect(run.code, describeRun(run)).toBe(0);
  }, CASE_TIMEOUT_MS + 5_000);
});
