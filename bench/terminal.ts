// The real program in a real terminal, for the figures that need one: a tmux window of a given
// size (the same harness as the end-to-end tests), `script` to log what goes in and out of the
// program with timings, and the program's CPU time from /proc.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, isStale } from '../scripts/build.mjs';
import { TmuxTerminal } from '../test/e2e/tmux.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;
/** Ink wraps each frame in a synchronised update: begin … end. */
const FRAME_START = '\u001B[?2026h';
const FRAME_END = '\u001B[?2026l';
/** Colours and text attributes. */
const SGR = /\u001B\[[0-9;]*m/g;

/** What went through the terminal: keys in (`I`) or output (`O`), seconds since the program started. */
export interface Chunk {
  readonly kind: 'I' | 'O';
  readonly at: number;
  readonly text: string;
}

/** A terminal running one loopscope command under `script`, which logs its input and output with timings. */
export class TerminalRun {
  readonly #terminal: TmuxTerminal;
  readonly #dir: string;
  readonly #done = `__DONE_${Math.random().toString(36).slice(2)}__`;

  private constructor(terminal: TmuxTerminal, dir: string) {
    this.#terminal = terminal;
    this.#dir = dir;
  }

  /**
   * Starts `node bin/loopscope.js <args>` in a fresh `columns`x`rows` terminal, with `env` (a
   * probe's variables, say) set for it and for the runs' processes it starts.
   */
  static async start(columns: number, rows: number, args: string, env: Record<string, string> = {}): Promise<TerminalRun> {
    if (!TmuxTerminal.available()) throw new Error('these figures need tmux (/usr/bin/tmux)');
    const run = new TerminalRun(new TmuxTerminal(columns, rows, ROOT), await mkdtemp(join(tmpdir(), 'loopscope-bench-')));
    const t = run.#terminal;
    await t.waitFor((s) => s.includes('ready$'), 'the shell');
    const log = join(run.#dir, 'io');
    const timing = join(run.#dir, 'timing');
    // Inside script's single-quoted command: each value in double quotes (it may hold spaces).
    const vars = Object.entries(env).map(([name, value]) => `"${name}=${value}" `).join('');
    t.type(`script -qf -m advanced -T ${timing} -B ${log} -c '${vars ? `env ${vars}` : ''}node bin/loopscope.js ${args}'; echo ${run.#done}`);
    t.keys('Enter');
    return run;
  }

  get terminal(): TmuxTerminal {
    return this.#terminal;
  }

  /** Pid of the node process running loopscope (under the shell and `script`). */
  pid(): number {
    const found = descendant(this.#terminal.foregroundPid() ?? 0);
    if (found === undefined) throw new Error('loopscope is not running');
    return found;
  }

  /** What went in and out so far, in order, with seconds since `script` started the program. */
  async chunks(): Promise<Chunk[]> {
    const data = await this.#read('io', 'latin1');
    // The log starts with a header line of script's own that the timings do not count.
    let offset = data.indexOf('\n') + 1;
    let at = 0;
    const chunks: Chunk[] = [];
    for (const line of (await this.#read('timing', 'utf8')).split('\n')) {
      // `I|O <delay> <bytes>`; other entries (`H` header, `S` signal) carry a delay only.
      const [kind, delay, bytes] = line.split(' ');
      at += Number(delay) || 0;
      if (kind !== 'I' && kind !== 'O') continue;
      chunks.push({ kind, at, text: data.slice(offset, offset + Number(bytes)) });
      offset += Number(bytes);
    }
    return chunks;
  }

  /** Frames written so far (each is one synchronised update). */
  async frames(): Promise<number> {
    return (await this.#read('io', 'latin1')).split(FRAME_START).length - 1;
  }

  /** For each key sent so far, ms from the program getting it to the end of the next frame written. */
  async answers(): Promise<number[]> {
    const chunks = await this.chunks();
    const out: number[] = [];
    chunks.forEach((key, i) => {
      if (key.kind !== 'I') return;
      let text = '';
      for (const chunk of chunks.slice(i + 1)) {
        if (chunk.kind !== 'O') continue;
        text += chunk.text;
        const start = text.indexOf(FRAME_START);
        if (start >= 0 && text.includes(FRAME_END, start)) {
          out.push((chunk.at - key.at) * 1000);
          return;
        }
      }
    });
    return out;
  }

  /** One of script's logs, empty until script has made it. */
  async #read(name: 'io' | 'timing', encoding: BufferEncoding): Promise<string> {
    try {
      return await readFile(join(this.#dir, name), encoding);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw error;
    }
  }

  /** Seconds from `script` starting the program to the end of its first frame, once written. */
  async firstFrame(timeoutMs = 15_000): Promise<number> {
    return this.frameShowing(undefined, timeoutMs);
  }

  /**
   * Seconds from `script` starting the program to the end of the first frame whose text (colours
   * left out) matches `shows`, or of the first frame at all without it. A repaint sends only the
   * lines that changed: what a frame shows first is in that frame's text.
   */
  async frameShowing(shows: RegExp | undefined, timeoutMs = 15_000): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      let text = '';
      for (const chunk of await this.chunks()) {
        if (chunk.kind !== 'O') continue;
        text += chunk.text;
        for (;;) {
          const start = text.indexOf(FRAME_START);
          const end = start < 0 ? -1 : text.indexOf(FRAME_END, start);
          if (end < 0) break;
          if (!shows || shows.test(text.slice(start, end).replace(SGR, ''))) return chunk.at;
          text = text.slice(end + FRAME_END.length);
        }
      }
      if (performance.now() > deadline) throw new Error(`no frame${shows ? ` showing ${shows}` : ''} within ${timeoutMs} ms; the screen:\n${this.#terminal.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Presses q and waits for the program and `script` to end. */
  async quit(): Promise<void> {
    this.#terminal.keys('q');
    await this.#terminal.waitFor((s) => s.includes(this.#done), 'loopscope to exit', 15_000);
  }

  async close(): Promise<void> {
    this.#terminal.kill();
    await rm(this.#dir, { recursive: true, force: true });
  }
}

/** The first node process below `pid` whose command line runs loopscope. */
function descendant(pid: number): number | undefined {
  let children: number[];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return undefined;
  }
  for (const child of children) {
    try {
      const command = readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0');
      if (command[0]?.endsWith('node') && command.some((arg) => arg.endsWith('loopscope.js'))) return child;
    } catch {
      continue;
    }
    const deeper = descendant(child);
    if (deeper !== undefined) return deeper;
  }
  return undefined;
}

/** Builds the bundle if a source is newer, so no start in a figure includes a build. */
export async function ensureBuilt(): Promise<void> {
  if (isStale()) await build();
}

/** CPU seconds (user + system) a process has used so far: every thread, or with `thread`, that one alone. */
export function cpuSeconds(pid: number, thread?: number): number {
  const path = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`;
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = readFileSync(path, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Shares of one core a process uses over the next `ms`: all its threads, and its main thread (the loop). */
export interface CpuShare {
  readonly all: number;
  readonly main: number;
}

export async function cpuShare(pid: number, ms: number): Promise<CpuShare> {
  return (await cpuShares([pid], ms))[0]!;
}

/** The shares of several processes over the same `ms`. */
export async function cpuShares(pids: readonly number[], ms: number): Promise<CpuShare[]> {
  const before = pids.map((pid) => ({ all: cpuSeconds(pid), main: cpuSeconds(pid, pid) }));
  const start = performance.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const seconds = (performance.now() - start) / 1000;
  return pids.map((pid, i) => ({ all: (cpuSeconds(pid) - before[i]!.all) / seconds, main: (cpuSeconds(pid, pid) - before[i]!.main) / seconds }));
}

/** The fields of /proc/<pid>/stat after the command name (which is in parentheses and may hold spaces). */
function statFields(pid: number): string[] {
  return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
}

/**
 * The runs' processes (`node dist/agent.js`) that the dashboard `pid` started and that are alive,
 * oldest first: the run on screen (a spare is started after the run that takes the one before it),
 * then the spare waiting for the next run, then any run still stopping.
 */
export function runProcesses(pid: number): number[] {
  let children: number[];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
  const runs: { pid: number; started: number }[] = [];
  for (const child of children) {
    try {
      const command = readFileSync(`/proc/${child}/cmdline`, 'utf8').split('\0');
      const fields = statFields(child);
      // State Z: ended, not yet waited for.
      if (command.some((arg) => arg.endsWith('agent.js')) && fields[0] !== 'Z') runs.push({ pid: child, started: Number(fields[19]) });
    } catch {
      continue;
    }
  }
  return runs.sort((a, b) => a.started - b.started || a.pid - b.pid).map((r) => r.pid);
}

/** A process's resident set now, in MB (VmRSS). */
export function rssMb(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb[1]) / 1024;
}
