import { Box } from 'ink';
import { useCallback, useMemo } from 'react';
import { useKeys } from '../src/hooks/use-keys.js';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { useTerminalSize } from '../src/hooks/use-terminal-size.js';
import type { KeyCommand } from '../src/view/keys.js';
import { layoutFor } from '../src/view/layout.js';
import type { Session } from '../src/dashboard/session.js';
import type { DashboardSnapshot, SnapshotSource } from '../src/dashboard/store.js';
import { CodePanel } from './CodePanel.js';
import { ConsolePanel } from './ConsolePanel.js';
import { ExplainPanel } from './ExplainPanel.js';
import { Footer } from './Footer.js';
import { Header } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { LoopPanel } from './LoopPanel.js';
import { TaskPanel } from './TaskPanel.js';
import { Timeline } from './Timeline.js';
import { TooSmall } from './TooSmall.js';

export type Props = {
  readonly session: Session;
  readonly store: SnapshotSource;
  /** Fixed size instead of the terminal's (tests: ink-testing-library's stdout has no rows). */
  readonly columns?: number;
  readonly rows?: number;
  /** False for a render that takes no keys (drawn off screen, without a terminal's raw mode). */
  readonly interactive?: boolean;
};

const selectHelp = (s: DashboardSnapshot) => s.session.help;
const selectMode = (s: DashboardSnapshot) => s.session.mode;
const selectTouring = (s: DashboardSnapshot) => s.session.tour !== undefined;

/** The dashboard: keys to the session, and the panels laid out for the terminal's size. */
export function App({ session, store, columns, rows, interactive = true }: Props) {
  const size = useTerminalSize();
  const width = columns ?? size.columns;
  const height = rows ?? size.rows;
  const onCommand = useCallback((press: KeyCommand) => session.dispatch(press), [session]);
  useKeys(onCommand, useSnapshot(store, selectMode), interactive);
  const help = useSnapshot(store, selectHelp);
  const touring = useSnapshot(store, selectTouring);
  const ids = useMemo(() => session.scenarios.map((s) => s.id), [session]);
  const layout = layoutFor(width, height, touring);
  if (!layout) return <TooSmall store={store} columns={width} rows={height} />;
  const { top, bottom } = layout;
  return (
    <Box flexDirection="column" width={layout.width} height={layout.height}>
      <Header store={store} ids={ids} width={layout.width} />
      {help ? (
        <HelpOverlay store={store} width={layout.width} height={layout.body} />
      ) : (
        <>
          <Box height={top.height}>
            {top.explain > 0 ? (
              <ExplainPanel store={store} width={top.explain} height={top.height} />
            ) : (
              <CodePanel store={store} width={top.code} height={top.height} />
            )}
            <TaskPanel store={store} width={top.tasks} height={top.height} />
          </Box>
          <Timeline store={store} width={layout.width} height={layout.timeline} />
          <Box height={bottom.height}>
            <LoopPanel store={store} width={bottom.loop} height={bottom.height} />
            <ConsolePanel store={store} width={bottom.console} height={bottom.height} />
            {bottom.explain > 0 ? <ExplainPanel store={store} width={bottom.explain} height={bottom.height} /> : null}
          </Box>
        </>
      )}
      <Footer store={store} width={layout.width} />
    </Box>
  );
}
