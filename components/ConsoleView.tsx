import { Text } from 'ink';
import { useEffect } from 'react';
import { useTheme } from '../src/hooks/use-theme.js';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { consolePage } from '../src/view/console-page.js';
import { strings } from '../src/view/i18n.js';
import type { DashboardSnapshot } from '../src/dashboard/store.js';
import { Panel, type StorePanelProps } from './Panel.js';

export type Props = StorePanelProps & {
  /** Told the columns and rows of text the view has, so that paging moves by a page and lines wrap where they show. */
  readonly onSize: (columns: number, rows: number) => void;
};

const select = (s: DashboardSnapshot) => ({ logs: s.run.logs, dropped: s.run.droppedLogs, from: s.session.consoleFrom, lang: s.session.lang });

/**
 * Everything the run printed that the console kept (`o`), in place of the panels: long lines
 * wrapped, scrolled with the selection's keys, following the newest line while at the bottom.
 */
export function ConsoleView({ store, width, height, onSize }: Props) {
  const theme = useTheme();
  const { logs, dropped, from, lang } = useSnapshot(store, select);
  const s = strings(lang);
  const columns = width - 4;
  const rows = height - 2;
  useEffect(() => onSize(columns, rows), [onSize, columns, rows]);
  const page = consolePage({ logs, dropped }, from, columns, rows);
  const where = page.total === 0 ? undefined : s.consoleLines(page.first + 1, page.last + 1, page.total);
  const note = [where, dropped > 0 ? s.consoleDropped(dropped) : undefined].filter(Boolean).join(' · ');
  return (
    <Panel title={s.console} note={note || undefined} width={width} height={height}>
      {page.rows.length === 0 ? <Text color={theme.muted}>{s.noOutput}</Text> : null}
      {page.rows.map((row, i) => (
        <Text key={i} wrap="truncate-end" color={row.stderr ? theme.stderr : undefined}>
          {row.text || ' '}
        </Text>
      ))}
    </Panel>
  );
}
