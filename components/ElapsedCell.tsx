import { Box, Text } from 'ink';
import { memo } from 'react';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { formatMs } from '../src/text/format.js';
import type { EntityView } from '../src/runtime/tracker.js';
import type { SnapshotSource } from '../src/dashboard/store.js';

export type Props = {
  readonly store: SnapshotSource;
  readonly entity: EntityView;
  readonly width: number;
};

/**
 * How long an entity has been alive: up to the snapshot's now while it is unsettled, up to its
 * end once settled. It reads the store itself, so the clock moving on redraws this cell, not the
 * whole row around it.
 */
export const ElapsedCell = memo(function ElapsedCell({ store, entity: e, width }: Props) {
  const elapsed = useSnapshot(store, (s) => formatMs((e.settled ?? s.now) - e.created));
  return (
    <Box width={width} flexShrink={0} justifyContent="flex-end">
      <Text wrap="truncate-end">{elapsed}</Text>
    </Box>
  );
});
