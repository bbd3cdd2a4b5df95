import { Box, Text } from 'ink';
import { memo } from 'react';
import { useTheme } from '../src/hooks/use-theme.js';
import { cutFractions, formatMs, oneLine } from '../src/text/format.js';
import { kindLabel, type RowColumns } from '../src/view/rows.js';
import type { EntityView } from '../src/runtime/tracker.js';
import type { SnapshotSource } from '../src/dashboard/store.js';
import type { CodeView } from '../src/view/code-view.js';
import { outcomeText, warningWords } from '../src/view/entity-text.js';
import { STATE_LOOK, WARNING_MARK } from '../src/view/looks.js';
import type { Lang } from '../src/settings.js';
import { ElapsedCell } from './ElapsedCell.js';
import { StateIcon } from './StateIcon.js';

export type Props = {
  /** Where the spinner and the clock are read: they move on without the row being drawn again. */
  readonly store: SnapshotSource;
  /** The entity; a view that did not change is the same object, so its row is not drawn again. */
  readonly entity: EntityView;
  /** How deep it is in the tree (0 in a flat list). */
  readonly depth: number;
  /** Shown only so that the tree's nesting reads: it does not match the filter. */
  readonly context: boolean;
  readonly columns: RowColumns;
  readonly selected: boolean;
  /** The language of the state's word. */
  readonly lang: Lang;
  /** How a value is written: as the code panel's language prints it. */
  readonly code: CodeView;
};

const MAX_INDENT = 4;

/**
 * One entity: state icon, warning and selection marks, name (indented in a tree), kind, state,
 * start, time, and its result or error on one line, cut to the column.
 */
export const TaskRow = memo(function TaskRow({ store, entity: e, depth, context, columns, selected, lang, code }: Props) {
  const theme = useTheme();
  const indent = '  '.repeat(Math.min(depth, MAX_INDENT));
  const outcome = outcomeText(e, code);
  const warned = e.warnings.length > 0;
  const words = warned && columns.warningWords ? `${warningWords(e, lang)} · ` : '';
  return (
    <Box height={1} flexShrink={0}>
      <Box width={columns.marks} flexShrink={0}>
        <StateIcon store={store} state={e.state} />
        <Text color={theme.warning}>{warned ? WARNING_MARK : ' '}</Text>
        {/* A mark besides the highlight, for screens without colour or inverse. */}
        <Text bold>{selected ? '›' : ' '}</Text>
      </Box>
      <Box width={columns.name} flexShrink={0}>
        <Text wrap="truncate-end" inverse={selected} bold={selected} color={context ? theme.muted : undefined}>
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
      {columns.start > 0 ? (
        <Box width={columns.start} flexShrink={0} justifyContent="flex-end">
          <Text color={theme.muted}>{formatMs(e.created)}</Text>
        </Box>
      ) : null}
      <ElapsedCell store={store} entity={e} width={columns.time} />
      <Box flexGrow={1} marginLeft={1}>
        <Text wrap="truncate-end">
          {words ? <Text color={theme.warning}>{words}</Text> : null}
          <Text color={e.error !== undefined ? theme.state[e.state] : undefined}>{outcome === undefined ? '' : oneLine(cutFractions(outcome))}</Text>
        </Text>
      </Box>
    </Box>
  );
});
