import { Box, Text } from 'ink';
import { useTheme } from '../src/hooks/use-theme.js';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { strings } from '../src/view/i18n.js';
import { keyHelpRows } from '../src/view/keys.js';
import type { DashboardSnapshot } from '../src/dashboard/store.js';
import { Panel, type StorePanelProps } from './Panel.js';

export type Props = StorePanelProps;

const selectLang = (s: DashboardSnapshot) => s.session.lang;
const selectRun = (s: DashboardSnapshot) => (s.session.scenario.command === undefined ? 'scenario' : 'trace');

/** The key table in words (the keys for the kind of run on screen), shown in place of the panels while `?` is on. */
export function HelpOverlay({ store, width, height }: Props) {
  const theme = useTheme();
  const lang = useSnapshot(store, selectLang);
  const run = useSnapshot(store, selectRun);
  const s = strings(lang);
  const rows = keyHelpRows(lang, run);
  const perColumn = height - 2;
  const columns: (typeof rows)[] = [];
  for (let i = 0; i < rows.length; i += perColumn) columns.push(rows.slice(i, i + perColumn));
  const columnWidth = Math.floor((width - 4) / columns.length);
  const keyWidth = Math.max(...rows.map((r) => r.keys.length)) + 2;
  return (
    <Panel title={s.help} note={s.helpClose} width={width} height={height}>
      <Box>
        {columns.map((column, c) => (
          <Box key={c} flexDirection="column" width={columnWidth}>
            {column.map((row) => (
              <Box key={row.keys} height={1}>
                <Box width={keyWidth} flexShrink={0}>
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
