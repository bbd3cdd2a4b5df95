import { render } from 'ink-testing-library';
import { App } from '../../components/App.js';
import { Session, type SessionOptions } from '../../src/dashboard/session.js';
import { DashboardStore } from '../../src/dashboard/store.js';
import { plain, waitForFrame } from './render.js';
import { localRuns } from '../helpers/local-run.js';

/** The whole App over a real session and store, keys in and frames out. */
export interface LiveApp {
  readonly session: Session;
  /** Exit codes the App asked to quit with. */
  readonly quits: number[];
  frame(): string;
  press(key: string): void;
  until(ok: (text: string) => boolean, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

const open = new Set<LiveApp>();

/** Starts the App on a session of `options` in a `columns` x `rows` screen (register closeLiveApps with afterEach). */
export function startApp(options: SessionOptions, columns = 80, rows = 24): LiveApp {
  const quits: number[] = [];
  const session = new Session({ createRun: localRuns({ settleMs: 20 }), onQuit: (code) => quits.push(code), ...options });
  const store = new DashboardStore(session);
  const app = render(<App session={session} store={store} columns={columns} rows={rows} />);
  session.start();
  const frame = () => plain(app.lastFrame());
  const live: LiveApp = {
    session,
    quits,
    frame,
    press: (key) => app.stdin.write(key),
    until: (ok, timeoutMs = 8000) => waitForFrame(frame, ok, timeoutMs),
    async close() {
      open.delete(live);
      await session.close();
      app.unmount();
      store.dispose();
    },
  };
  open.add(live);
  return live;
}

/** Closes every App a test started and left open. */
export async function closeLiveApps(): Promise<void> {
  for (const live of [...open]) await live.close();
}
