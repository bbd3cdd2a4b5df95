import { Box, Text } from 'ink';
import { useTheme } from '../src/hooks/use-theme.js';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { strings } from '../src/view/i18n.js';
import { findRow, orderRows, rowColumns, windowStart } from '../src/view/rows.js';
import type { State } from '../src/runtime/states.js';
import { STATE_LOOK, STATES_IN_ORDER } from '../src/view/looks.js';
import type { Lang } from '../src/settings.js';
import type { DashboardSnapshot } from '../src/dashboard/store.js';
import { Panel, type StorePanelProps } from './Panel.js';
import { TaskRow } from './TaskRow.js';

export type Props = StorePanelProps;

const select = (s: DashboardSnapshot) => ({
  entities: s.run.entities,
  counts: s.run.counts,
  folded: s.run.folded,
  selectedId: s.session.selectedId,
  lang: s.session.lang,
  traced: s.session.scenario.command !== undefined,
  // A traced command's process shown alone is the first row of the slice.
  process: s.session.process === undefined ? undefined : s.run.entities[0]?.name,
  processes: s.processes,
});

/** `1 run 2 wait 5 ✓`: every entity of the run by state, folded ones included. */
function countsNote(counts: Readonly<Record<State, number>>, lang: Lang): string {
  return STATES_IN_ORDER.filter((state) => counts[state] > 0)
    .map((state) => `${counts[state]} ${STATE_LOOK[state].count[lang]}`)
    .join(' ');
}

/**
 * Tasks, futures, coroutines, workers and processes of the run (a traced command's promises and
 * resources, under its processes), in creation order under their creators. Only the rows that
 * fit are rendered, and the selected one is always among them.
 */
export function TaskPanel({ store, width, height }: Props) {
  const theme = useTheme();
  const { entities, counts, folded, selectedId, lang, traced, process, processes } = useSnapshot(store, select);
  const s = strings(lang);
  const which = process ?? (processes > 1 ? s.processes(processes) : undefined);
  const title = traced ? `${s.traced}${which === undefined ? '' : ` · ${which}`}` : s.tasks;
  const rows = orderRows(entities);
  const inner = height - 2;
  const selected = findRow(rows, selectedId);
  const overflow = rows.length > inner;
  const listHeight = overflow || folded > 0 ? inner - 1 : inner;
  // A selection folded away keeps the list where it was rather than jumping to the newest rows.
  const start = windowStart(rows.length, listHeight, Math.min(selected.at, rows.length - 1));
  const shown = rows.slice(start, start + listHeight);
  const columns = rowColumns(width - 4);
  const notes = [folded > 0 ? s.foldedRows(folded) : '', overflow ? s.moreRows(start, rows.length - start - shown.length) : ''].filter(Boolean);
  return (
    <Panel title={title} note={countsNote(counts, lang)} width={width} height={height}>
      {rows.length === 0 ? <Text color={theme.muted}>{traced ? s.noProcesses : s.noEntities}</Text> : null}
      {shown.map((row) => (
        <TaskRow key={row.entity.id} store={store} entity={row.entity} depth={row.depth} columns={columns} selected={row.entity.id === selectedId} lang={lang} />
      ))}
      {notes.length > 0 ? (
        <Box marginTop={Math.max(0, listHeight - shown.length)}>
          <Text wrap="truncate-end" color={theme.muted}>
            {notes.join(' · ')}
          </Text>
        </Box>
      ) : null}
    </Panel>
  );
}
