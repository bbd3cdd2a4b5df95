import { Box, Text } from 'ink';
import { memo } from 'react';
import { useTheme } from '../src/hooks/use-theme.js';
import { strings, type Strings } from '../src/view/i18n.js';
import type { RowColumns } from '../src/view/rows.js';
import { descending, SORT_RULES, type Column, type TableOptions } from '../src/view/table.js';
import type { Lang } from '../src/settings.js';

export type Props = {
  readonly columns: RowColumns;
  /** The sort the header shows on its column: `name ▲`. */
  readonly table: TableOptions;
  readonly lang: Lang;
};

const LABELS = {
  state: (s) => s.colState,
  name: (s) => s.colName,
  kind: (s) => s.colKind,
  start: (s) => s.colStart,
  time: (s) => s.colTime,
  result: (s) => s.colResult,
} as const satisfies Record<Column, (s: Strings) => string>;

/**
 * The task table's column headers, over the row's columns, the sorted one with its direction
 * (▲ smallest first, ▼ largest first). Creation order where the start column does not fit is
 * shown over the marks: `#▲`.
 */
export const TableHeader = memo(function TableHeader({ columns, table, lang }: Props) {
  const theme = useTheme();
  const s = strings(lang);
  const sorted = SORT_RULES[table.sort].column;
  const arrow = descending(table) ? '▼' : '▲';
  const label = (column: Column) => (column === sorted ? `${LABELS[column](s)} ${arrow}` : LABELS[column](s));
  const cell = (column: Column) => (
    <Text wrap="truncate-end" bold={column === sorted} color={column === sorted ? theme.title : theme.muted}>
      {label(column)}
    </Text>
  );
  const hidden = sorted === 'start' && columns.start === 0;
  return (
    <Box height={1} flexShrink={0}>
      <Box width={columns.marks} flexShrink={0}>
        {hidden ? (
          <Text bold color={theme.title}>
            {`#${arrow}`}
          </Text>
        ) : null}
      </Box>
      <Box width={columns.name} flexShrink={0}>
        {cell('name')}
      </Box>
      <Box width={columns.kind} flexShrink={0} marginLeft={1}>
        {cell('kind')}
      </Box>
      <Box width={columns.state} flexShrink={0}>
        {cell('state')}
      </Box>
      {columns.start > 0 ? (
        <Box width={columns.start} flexShrink={0} justifyContent="flex-end">
          {cell('start')}
        </Box>
      ) : null}
      <Box width={columns.time} flexShrink={0} justifyContent="flex-end">
        {cell('time')}
      </Box>
      <Box flexGrow={1} marginLeft={1}>
        {cell('result')}
      </Box>
    </Box>
  );
});
