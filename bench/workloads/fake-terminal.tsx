// The real App drawn to a terminal that keeps nothing, for the workloads that time frames.
import { EventEmitter } from 'node:events';
import { render, type Instance } from 'ink';
import { App } from '../../components/App.js';
import { ThemeContext } from '../../src/hooks/use-theme.js';
import type { Session } from '../../src/dashboard/session.js';
import type { SnapshotSource } from '../../src/dashboard/store.js';
import { COLOUR_THEME } from '../../src/view/theme.js';

/** A terminal that keeps nothing: it notes when the last write happened and how much was written. */
export class FakeTerminal extends EventEmitter {
  readonly isTTY = true;
  lastWrite = 0;
  bytes = 0;

  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }

  write(chunk: string): boolean {
    this.bytes += chunk.length;
    this.lastWrite = performance.now();
    return true;
  }

  /** Resolves once something more than `written` bytes was written; fails after 5 s. */
  async written(written: number): Promise<void> {
    const start = performance.now();
    while (this.bytes === written) {
      if (performance.now() - start > 5000) throw new Error('no frame was written');
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/** The App over `session` and `store`, drawn to a fake terminal of this size as Ink draws for a user (30 fps at most). */
export function drawApp(session: Session, store: SnapshotSource, columns: number, rows: number): { terminal: FakeTerminal; app: Instance } {
  const terminal = new FakeTerminal(columns, rows);
  const stdin = Object.assign(new EventEmitter(), { isTTY: false });
  const app = render(
    <ThemeContext.Provider value={COLOUR_THEME}>
      <App session={session} store={store} interactive={false} />
    </ThemeContext.Provider>,
    { stdout: terminal as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, maxFps: 30, patchConsole: false, exitOnCtrlC: false },
  );
  return { terminal, app };
}
