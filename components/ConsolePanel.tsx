import { Text } from 'ink';
import { useTheme } from '../src/hooks/use-theme.js';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { oneLine } from '../src/text/format.js';
import { strings } from '../src/view/i18n.js';
import { keyLabel } from '../src/view/keys.js';
import type { DashboardSnapshot } from '../src/dashboard/store.js';
import { Panel, type StorePanelProps } from './Panel.js';

export type Props = StorePanelProps;

const select = (s: DashboardSnapshot) => ({ logs: s.run.logs, dropped: s.run.droppedLogs, lang: s.session.lang });

/** What the run printed (console.log and console.error, captured), newest last; `o` shows it all. */
export function ConsolePanel({ store, width, height }: Props) {
  const theme = useTheme();
  const { logs, dropped, lang } = useSnapshot(store, select);
  const s = strings(lang);
  const shown = logs.slice(-(height - 2));
  const hidden = logs.length - shown.length;
  // What was dropped matters more than what scrolled up: it goes first, where a narrow panel keeps it.
  const note = [dropped > 0 ? s.consoleDropped(dropped) : '', hidden > 0 ? `↑${hidden} (${keyLabel('console', lang)})` : ''].filter(Boolean).join(' · ');
  return (
    <Panel title={s.console} note={note || undefined} width={width} height={height}>
      {shown.length === 0 ? <Text color={theme.muted}>{s.noOutput}</Text> : null}
      {shown.map((line, i) => (
        <Text key={logs.length - shown.length + i} wrap="truncate-end" color={line.stream === 'stderr' ? theme.stderr : undefined}>
          {oneLine(line.text) || ' '}
        </Text>
      ))}
    </Panel>
  );
}
