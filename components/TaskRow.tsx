import { Box, Text } from 'ink';
import { memo } from 'react';
import { useTheme } from '../src/hooks/use-theme.js';
import { oneLine } from '../src/text/format.js';
import { kindLabel, type RowColumns } from '../src/view/rows.js';
import type { EntityView } from '../src/runtime/tracker.js';
import type { SnapshotSource } from '../src/dashboard/store.js';
import { STATE_LOOK } from '../src/view/looks.js';
import type { Lang } from '../src/settings.js';
import { ElapsedCell } from './ElapsedCell.js';
import { StateIcon } from './StateIcon.js';

export type Props = {
  /** Where the spinner and the clock are read: they move on without the row being drawn again. */
  readonly store: SnapshotSource;
  /** The entity; a view that did not change is the same object, so its row is not drawn again. */
  readonly entity: EntityView;
  /** How deep it is under its creators. */
  readonly depth: number;
  readonly columns: RowColumns;
  readonly selected: boolean;
  /** The language of the state's word. */
  readonly lang: Lang;
};

const MAX_INDENT = 4;

/** One entity: state mark, name (indented under its creator), kind, state, elapsed, value or error. */
export const TaskRow = memo(function TaskRow({ store, entity: e, depth, columns, selected, lang }: Props) {
  const theme = useTheme();
  const indent = '  '.repeat(Math.min(depth, MAX_INDENT));
  const outcome = e.error ?? e.value ?? e.detail ?? '';
  const outcomeColour = e.error !== undefined ? theme.state[e.state] : e.value !== undefined ? undefined : theme.muted;
  return (
    <Box height={1} flexShrink={0}>
      <Box width={3} flexShrink={0}>
        <StateIcon store={store} state={e.state} />
        {/* A mark besides the highlight, for screens without colour or inverse. */}
        <Text bold>{selected ? '›' : ' '}</Text>
      </Box>
      <Box width={columns.name} flexShrink={0}>
        <Text wrap="truncate-end" inverse={selected} bold={selected}>
          {indent + e.name}
        </Text>
      </Box>
      <Box width={columns.kind} flexShrink={0} marginLeft={1}>
        <Text wrap="truncate-end" color={theme.muted}>
          {kindLabel(e.kind, columns.fullKind)}
        </Text>
      </Box>
      <Box width={columns.state} flexShrink={0}>
        <Text wrap="truncate-end" color={theme.state[e.state]}>
          {STATE_LOOK[e.state].word[lang]}
        </Text>
      </Box>
      <ElapsedCell store={store} entity={e} width={columns.elapsed} />
      <Box flexGrow={1} marginLeft={1}>
        <Text wrap="truncate-end" color={outcomeColour}>
          {oneLine(outcome)}
        </Text>
      </Box>
    </Box>
  );
});
