import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { SHELL, killServer } from '../../scripts/tmux-server.mjs';

/** A tmux server of its own (its own socket, no user config) with one shell in one window. */
export class TmuxTerminal {
  readonly socket = `loopscope-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  constructor(columns: number, rows: number, cwd: string) {
    this.#tmux(['-f', '/dev/null', 'new-session', '-d', '-x', String(columns), '-y', String(rows), '-c', cwd, SHELL]);
  }

  static available(): boolean {
    return existsSync('/usr/bin/tmux');
  }

  /** The visible screen, one string per row. */
  screen(): string {
    return this.#tmux(['capture-pane', '-p', '-t', '0']);
  }

  /** The visible screen and up to `lines` rows scrolled off above it. */
  screenWithHistory(lines: number): string {
    return this.#tmux(['capture-pane', '-p', '-S', String(-lines), '-t', '0']);
  }

  /** The visible screen with its colours and attributes as escape sequences. */
  styledScreen(): string {
    return this.#tmux(['capture-pane', '-p', '-e', '-t', '0']);
  }

  /** Types text (no Enter) or presses named keys (`Enter`, `C-c`, `Right`). */
  keys(...keys: string[]): void {
    this.#tmux(['send-keys', '-t', '0', ...keys]);
  }

  type(text: string): void {
    this.#tmux(['send-keys', '-t', '0', '-l', text]);
  }

  resize(columns: number, rows: number): void {
    this.#tmux(['resize-window', '-t', '0', '-x', String(columns), '-y', String(rows)]);
  }

  cursorVisible(): boolean {
    return this.#tmux(['display-message', '-p', '-t', '0', '#{cursor_flag}']).trim() === '1';
  }

  /** Pid of the program the shell runs in the foreground, if any. */
  foregroundPid(): number | undefined {
    const shell = this.#tmux(['display-message', '-p', '-t', '0', '#{pane_pid}']).trim();
    try {
      const children = readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8').trim();
      return children ? Number(children.split(/\s+/)[0]) : undefined;
    } catch {
      return undefined;
    }
  }

  async waitFor(ok: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (ok(screen)) return screen;
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Ends the server and removes its socket file (tmux 3.3 leaves it behind). */
  kill(): void {
    killServer((...args) => this.#tmux(args));
  }

  #tmux(args: string[]): string {
    return execFileSync('/usr/bin/tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }
}
