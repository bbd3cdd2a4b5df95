import { Box, Text } from 'ink';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { strings } from '../src/view/i18n.js';
import type { DashboardSnapshot, SnapshotSource } from '../src/dashboard/store.js';

export type Props = {
  readonly store: SnapshotSource;
  readonly columns: number;
  readonly rows: number;
};

const select = (s: DashboardSnapshot) => s.session.lang;

/**
 * The one line a terminal smaller than 80x24 gets instead of the panels: in full when it fits
 * the width, else in short, wrapped if even that is wider (20x5 still shows both sizes and q).
 * It stands as tall as the dashboard would (one row less than the terminal): a terminal made
 * narrower reflows the lines on it, so Ink's erase of the frame before covers only as many rows
 * as that frame had, and a one-line frame would leave the old notice above the new one.
 */
export function TooSmall({ store, columns, rows }: Props) {
  const lang = useSnapshot(store, select);
  const s = strings(lang);
  const full = s.tooSmall(columns, rows);
  return (
    <Box width={columns} height={Math.max(1, rows - 1)}>
      <Text wrap="wrap">{full.length <= columns ? full : s.tooSmallShort(columns, rows)}</Text>
    </Box>
  );
}
