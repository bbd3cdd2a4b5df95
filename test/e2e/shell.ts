import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { until as untilEvery } from '../helpers/until.js';
import { TmuxTerminal } from './tmux.js';

/**
 * Starts loopscope from the shell (`env` like `NO_COLOR=1`), with a marker printed after it exits;
 * `timed`, the marker also says when (bash's clock: see exitedAfter).
 */
export async function launch(t: TmuxTerminal, args = '', env = '', { timed = false } = {}): Promise<void> {
  await t.waitFor((s) => s.includes('ready$'), 'the shell');
  t.type(`${env} node bin/loopscope.js ${args}; echo "__EXIT_$?__${timed ? ' at $EPOCHREALTIME' : ''}"`);
  t.keys('Enter');
}

export const exited = (code: number) => (s: string) => s.includes(`__EXIT_${code}__`);

/**
 * Milliseconds from `since` (a Date.now()) until the shell printed a timed launch's exit marker:
 * the app's whole way out, timed by the shell, not by how often the test looks at the screen.
 */
export function exitedAfter(screen: string, since: number): number {
  const at = /__EXIT_\d+__ at (\d+\.\d+)/.exec(screen);
  if (!at) throw new Error(`no timed exit marker on the screen:\n${screen}`);
  return Number(at[1]) * 1000 - since;
}

/** The screen left clean: the last frame whole (its key hints last), then the exit marker. */
export function expectFrameThenExit(screen: string, code: number): void {
  const lines = screen.split('\n');
  const at = lines.findIndex((l) => l.includes(`__EXIT_${code}__`));
  expect(at).toBeGreaterThan(0);
  expect(lines[at - 1]).toMatch(/\? help +q quit$/);
}

/** The shell is usable again: line editing and echo back on, cursor shown. */
export async function expectTerminalRestored(t: TmuxTerminal): Promise<void> {
  t.type("stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo; echo __STTY__");
  t.keys('Enter');
  const screen = await t.waitFor((s) => /^__STTY__$/m.test(s), 'stty');
  const lines = screen.split('\n').map((l) => l.trim());
  expect(lines).toContain('icanon');
  expect(lines).toContain('echo');
  expect(t.cursorVisible()).toBe(true);
}

/** q quits with exit code 0, and the shell is usable again. */
export async function quitCleanly(t: TmuxTerminal, timeoutMs?: number): Promise<void> {
  t.keys('q');
  await t.waitFor(exited(0), 'exit code 0', timeoutMs);
  await expectTerminalRestored(t);
}

/** One whole frame, from the top: one header, one of each panel, the key hints last, nothing after. */
export function expectOneFrame(screen: string, columns: number): void {
  const lines = screen.split('\n');
  expect(lines[0]).toMatch(/^loopscope /);
  expect(lines.filter((l) => l.includes('Tasks & futures'))).toHaveLength(1);
  expect(lines.filter((l) => l.startsWith('╭─ Timeline'))).toHaveLength(1);
  expect(lines.filter((l) => l.startsWith('╭─ Event loop'))).toHaveLength(1);
  const hints = lines.findIndex((l) => l.includes('? help') && l.includes('q quit'));
  expect(hints).toBeGreaterThan(0);
  expect(lines.slice(hints + 1).every((l) => l.trim() === '')).toBe(true);
  for (const line of lines) expect([...line].length).toBeLessThanOrEqual(columns);
}

/** How long the header says the run's loop has been blocked (`■ blocked 1.33s`), in ms; undefined when it does not. */
export function blockedMs(screen: string): number | undefined {
  const shown = /■ blocked (\d+(?:\.\d+)?)(ms|s)\b/.exec(screen.split('\n')[0] ?? '');
  return shown ? Number(shown[1]) * (shown[2] === 's' ? 1000 : 1) : undefined;
}

/** Polls `ok` every 50 ms (it reads tmux and /proc); `what` (a function: read when it gives up) says what was awaited. */
export const until = (ok: () => boolean, what: string | (() => string), timeoutMs = 15_000) => untilEvery(ok, what, { timeoutMs, everyMs: 50 });

/**
 * The text inside the panel whose title is `title` (`Console`), a line per row, as drawn: a line
 * too long for the panel ends in `…`.
 */
export function panelLines(screen: string, title: string): string[] {
  const rows = screen.split('\n');
  const top = rows.findIndex((row) => row.includes(`╭─ ${title} `));
  if (top < 0) throw new Error(`no ${title} panel on the screen:\n${screen}`);
  const left = rows[top]!.indexOf(`╭─ ${title} `);
  const width = rows[top]!.indexOf('╮', left) - left + 1;
  const lines: string[] = [];
  for (const row of rows.slice(top + 1)) {
    const cells = row.slice(left, left + width);
    if (!cells.startsWith('│')) break;
    lines.push(cells.slice(2, -2).trimEnd());
  }
  return lines;
}

/** Screen rows as the lines that were written: a row as wide as the terminal goes on in the next. */
export function logicalLines(screen: string, columns: number): string[] {
  const lines: string[] = [];
  let wrapped = false;
  for (const row of screen.split('\n')) {
    if (wrapped) lines[lines.length - 1] += row;
    else lines.push(row);
    wrapped = [...row].length >= columns;
  }
  return lines;
}

/** What the process is using, read from /proc: threads, open file descriptors, RSS (kB). */
export function usage(pid: number): { threads: number; fds: number; rssKb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { threads: field('Threads'), fds: execFileSync('ls', [`/proc/${pid}/fd`], { encoding: 'utf8' }).split('\n').filter(Boolean).length, rssKb: field('VmRSS') };
}

/** A process as the OS lists it. */
export interface Process {
  readonly pid: number;
  readonly args: string;
}

/** Every process running, from the OS (ps). */
function processes(): (Process & { readonly ppid: number })[] {
  return execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map(([, pid, ppid, args]) => ({ pid: Number(pid), ppid: Number(ppid), args: args! }));
}

/** The processes below `pid`: its children, theirs, and so on. */
export function descendantsOf(pid: number): Process[] {
  const all = processes();
  const found: Process[] = [];
  for (let parents = [pid]; parents.length > 0; ) {
    const children = all.filter((p) => parents.includes(p.ppid));
    found.push(...children);
    parents = children.map((p) => p.pid);
  }
  return found;
}

/**
 * Processes started from this checkout's own files (a run's process, a forked worker): they
 * stay on the list when they outlive the app that started them and go to init.
 */
export function processesOfThisCheckout(): Process[] {
  const ours = [join(ROOT, 'dist', 'agent.js'), join(ROOT, 'workers')];
  return processes().filter((p) => ours.some((path) => p.args.includes(path)));
}

/** True while the process runs (a zombie, dead but not yet reaped, does not). */
export function alive(pid: number): boolean {
  try {
    // The state follows the command's name, which is in parentheses and may hold spaces.
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

/**
 * A tmux terminal of this size in the project folder, killed after the test that opened it.
 * Call from a test file: the cleanup hook is registered once per file.
 */
export function terminalFactory(): (columns?: number, rows?: number) => TmuxTerminal {
  const terminals: TmuxTerminal[] = [];
  afterEach(() => {
    for (const t of terminals.splice(0)) t.kill();
  });
  return (columns = 80, rows = 24) => {
    const t = new TmuxTerminal(columns, rows, ROOT);
    terminals.push(t);
    return t;
  };
}
