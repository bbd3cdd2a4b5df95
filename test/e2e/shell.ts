import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, expect } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { TmuxTerminal } from './tmux.js';

/** Starts loopscope from the shell (`env` like `NO_COLOR=1`), with a marker printed after it exits. */
export async function launch(t: TmuxTerminal, args = '', env = ''): Promise<void> {
  await t.waitFor((s) => s.includes('ready$'), 'the shell');
  t.type(`${env} node bin/loopscope.js ${args}; echo "__EXIT_$?__"`);
  t.keys('Enter');
}

export const exited = (code: number) => (s: string) => s.includes(`__EXIT_${code}__`);

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

/** The process's children, from the OS (ps), as `pid command` lines. */
export function childrenOf(pid: number): string[] {
  try {
    return execFileSync('ps', ['--ppid', String(pid), '-o', 'pid=,args='], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  } catch {
    // ps exits 1 when it lists nothing.
    return [];
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
