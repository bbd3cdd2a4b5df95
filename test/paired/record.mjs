// Records Python's side of the paired cases: runs each cases/<name>.py with Python 3.11 and writes
// what it printed, normalised, to cases/<name>.out. `npm run paired:record` records every case,
// `npm run paired:record -- <name>...` only those; PYTHON names the interpreter (python3).
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CASES_DIR, caseNames, mapLimit, normalise, PARALLEL } from './paired.mjs';

const run = promisify(execFile);
const PYTHON = process.env.PYTHON ?? 'python3';

async function checkVersion() {
  const { stdout } = await run(PYTHON, ['--version']);
  if (!stdout.startsWith('Python 3.11.')) {
    throw new Error(`the cases record Python 3.11's asyncio, but ${PYTHON} is ${stdout.trim()}: set PYTHON to a 3.11`);
  }
}

/** Runs one case's .py and writes its .out; returns why it could not, if it could not. */
async function record(name) {
  try {
    // -I: no PYTHON* variables (asyncio's debug mode changes reprs) and no user site-packages.
    const { stdout, stderr } = await run(PYTHON, ['-I', `${name}.py`], { cwd: CASES_DIR, timeout: 30_000 });
    // A warning or a logged error is part of what Python does: a case must end cleanly, or the
    // loopscope side could not be held to an empty stderr.
    if (stderr) return `${name}: Python wrote to stderr:\n${stderr}`;
    writeFileSync(join(CASES_DIR, `${name}.out`), normalise(stdout));
    return undefined;
  } catch (error) {
    return `${name}: ${error.message}`;
  }
}

async function main(asked) {
  await checkVersion();
  const known = caseNames();
  const unknown = asked.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new Error(`no such case: ${unknown.join(', ')}`);
  const names = asked.length > 0 ? asked : known;
  const failures = (await Promise.all(mapLimit(names, PARALLEL, record))).filter(Boolean);
  console.log(`recorded ${names.length - failures.length} of ${names.length} cases`);
  if (failures.length > 0) throw new Error(`not recorded:\n${failures.join('\n')}`);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
