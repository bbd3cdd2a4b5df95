import { Text } from 'ink';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { strings } from '../src/i18n.js';
import type { DashboardSnapshot, SnapshotSource } from '../src/store.js';

export type Props = {
  readonly store: SnapshotSource;
  readonly columns: number;
  readonly rows: number;
};

const select = (s: DashboardSnapshot) => s.session.lang;

/** The one line a terminal smaller than 80x24 gets instead of the panels. */
export function TooSmall({ store, columns, rows }: Props) {
  const lang = useSnapshot(store, select);
  return <Text wrap="truncate-end">{strings(lang).tooSmall(columns, rows)}</Text>;
}
