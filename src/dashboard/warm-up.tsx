import { EventEmitter } from 'node:events';
import { render } from 'ink';
import type { ReactElement } from 'react';
import { ErrorBoundary } from '../../components/ErrorBoundary.js';
import { isSettled, STATES } from '../runtime/states.js';
import type { EntityView } from '../runtime/tracker.js';
import type { Session } from './session.js';
import { dashboardSnapshot, EMPTY_RUN, HeldSnapshot, type SnapshotSource } from './store.js';

/** A stdout that measures like the real terminal and throws every frame away. */
class NullScreen extends EventEmitter {
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }

  write(): boolean {
    return true;
  }
}

/** One entity per state, so every kind of row and bar gets drawn. */
function sampleEntities(): EntityView[] {
  return STATES.map((state, i) =>
    Object.freeze({
      id: `t${i + 1}`,
      seq: i + 1,
      kind: 'task',
      name: `warm-${i + 1}`,
      state,
      created: i,
      started: i + 1,
      settled: isSettled(state) ? i + 20 : undefined,
      value: state === 'resolved' ? 'value' : undefined,
      error: state === 'rejected' ? 'Error' : undefined,
      parent: i > 0 ? 't1' : undefined,
      detail: undefined,
      shown: undefined,
      awaiting: undefined,
      warnings: [],
      blockedMs: undefined,
      site: undefined,
      history: undefined,
    }),
  );
}

/**
 * Draws the dashboard a few times off screen, with sample rows, before the first run starts.
 * The renderer's first frames are slow (code not yet compiled, first layouts): drawn during the
 * first run, they would stall its loop and show up in its lag gauge and timeline as the
 * scenario's blocks. Nothing of this reaches the terminal.
 */
export function warmUp(session: Session, columns: number, rows: number, app: (store: SnapshotSource) => ReactElement): void {
  const base = dashboardSnapshot(session.state, session.monitor.getSnapshot(), {
    run: Object.freeze({ ...EMPTY_RUN, entities: Object.freeze(sampleEntities()), marks: Object.freeze([{ kind: 'blocked' as const, start: 2, end: 10 }]) }),
    now: 30,
  });
  const store = new HeldSnapshot(base);
  const screen = new NullScreen(columns, rows);
  const stdin = Object.assign(new EventEmitter(), { isTTY: false });
  // A failure here would only mean a cold first run: never worth ending the app for.
  const instance = render(<ErrorBoundary onError={() => undefined}>{app(store)}</ErrorBoundary>, {
    stdout: screen as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    patchConsole: false,
    exitOnCtrlC: false,
  });
  for (let i = 1; i <= 3; i++) store.set({ ...base, version: i, now: 30 + i * 10, spinner: String(i) });
  instance.unmount();
}
