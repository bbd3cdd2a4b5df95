import { Box, Text } from 'ink';
import { useTheme } from '../src/hooks/use-theme.js';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { strings } from '../src/view/i18n.js';
import { keyHelpRows } from '../src/view/keys.js';
import type { DashboardSnapshot } from '../src/dashboard/store.js';
import { Panel, type StorePanelProps } from './Panel.js';

export type Props = StorePanelProps;

const select = (s: DashboardSnapshot) => ({ lang: s.session.lang, mode: s.session.mode });

/** Columns between two columns of the table. */
const GAP = 2;

/**
 * The key table in words, shown in place of the panels while `?` is on: in as many columns as
 * its rows need, each as wide as its own keys and words, so that a short terminal shows it all.
 */
export function HelpOverlay({ store, width, height }: Props) {
  const theme = useTheme();
  const { lang, mode } = useSnapshot(store, select);
  const s = strings(lang);
  const rows = keyHelpRows(lang, mode);
  const count = Math.ceil(rows.length / Math.max(1, height - 2));
  const perColumn = Math.ceil(rows.length / count);
  const columns = Array.from({ length: count }, (_, c) => {
    const column = rows.slice(c * perColumn, (c + 1) * perColumn);
    const keyWidth = Math.max(...column.map((r) => r.keys.length)) + 2;
    return { rows: column, keyWidth, width: keyWidth + Math.max(...column.map((r) => r.help.length)) + GAP };
  });
  return (
    <Panel title={s.help} note={s.helpClose} width={width} height={height}>
      <Box>
        {columns.map((column, c) => (
          <Box key={c} flexDirection="column" flexShrink={c === count - 1 ? 1 : 0} width={c === count - 1 ? undefined : column.width}>
            {column.rows.map((row) => (
              <Box key={row.keys} height={1}>
                <Box width={column.keyWidth} flexShrink={0}>
                  <Text bold color={theme.accent}>
                    {row.keys}
                  </Text>
                </Box>
                <Text wrap="truncate-end">{row.help}</Text>
              </Box>
            ))}
          </Box>
        ))}
      </Box>
    </Panel>
  );
}
