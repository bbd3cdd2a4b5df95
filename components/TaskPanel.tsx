import { Text } from 'ink';
import { useEffect } from 'react';
import { useTheme } from '../src/hooks/use-theme.js';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { strings, type Strings } from '../src/view/i18n.js';
import { findRow, rowColumns, windowStart, type Row } from '../src/view/rows.js';
import type { State } from '../src/runtime/states.js';
import { STATE_LOOK, STATES_IN_ORDER, WARNING_MARK } from '../src/view/looks.js';
import { tableRows, warningCount, type TableOptions, type TableRows } from '../src/view/table.js';
import type { Lang } from '../src/settings.js';
import type { DashboardSnapshot } from '../src/dashboard/store.js';
import { Panel, titleRoom, type StorePanelProps } from './Panel.js';
import { TableHeader } from './TableHeader.js';
import { TaskRow } from './TaskRow.js';

export type Props = StorePanelProps & {
  /** Told how many rows the table shows at once whenever that changes: what PgUp and PgDn move by. */
  readonly onPageRows?: (rows: number) => void;
};

const select = (s: DashboardSnapshot) => ({
  entities: s.run.entities,
  counts: s.run.counts,
  folded: s.run.folded,
  selectedId: s.session.selectedId,
  lang: s.session.lang,
  code: s.session.code,
  table: s.session.table,
  filtering: s.session.filtering,
  // The clock matters to the order only when sorted by time: otherwise it would redraw the table.
  now: s.session.table.sort === 'time' ? s.now : 0,
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
 * `Tasks & futures · /rej▌ · 12 of 10,003 · ⚠ 3`: the filter (with a cursor while it is typed)
 * and what it kept, the tree, the warnings; the panel's name goes first when there is room.
 */
function title(s: Strings, name: string, rows: TableRows, table: TableOptions, filtering: boolean, warnings: number, room: number): string {
  const parts: string[] = [];
  if (filtering || table.filter) {
    parts.push(`/${table.filter}${filtering ? '▌' : ''}`, s.matchCount(rows.matched.toLocaleString(s.lang), rows.total.toLocaleString(s.lang)));
  }
  if (table.tree) parts.push(s.tree);
  if (warnings > 0) parts.push(`${WARNING_MARK} ${warnings}`);
  const full = [name, ...parts].join(' · ');
  return full.length <= room || parts.length === 0 ? full : parts.join(' · ');
}

/**
 * The task table: tasks, futures, coroutines, workers and processes of the run under column
 * headers, filtered, sorted or nested as the session says. Only the rows that fit are made and
 * rendered, and the selected one is always among them.
 */
export function TaskPanel({ store, width, height, onPageRows }: Props) {
  const theme = useTheme();
  const { entities, counts, folded, selectedId, lang, code, table, filtering, now, traced, process, processes } = useSnapshot(store, select);
  const s = strings(lang);
  const which = process ?? (processes > 1 ? s.processes(processes) : undefined);
  const name = traced ? `${s.traced}${which === undefined ? '' : ` · ${which}`}` : s.tasks;
  const rows = tableRows(entities, table, lang, now);
  // The column headers take the first line.
  const listHeight = height - 3;
  useEffect(() => onPageRows?.(listHeight), [onPageRows, listHeight]);
  const selected = findRow(rows, selectedId);
  // A selection folded away keeps the list where it was rather than jumping to the newest rows.
  const start = windowStart(rows.length, listHeight, Math.min(selected.at, rows.length - 1));
  const shown: Row[] = [];
  for (let i = start; i < Math.min(rows.length, start + listHeight); i++) shown.push(rows.at(i)!);
  const columns = rowColumns(width - 4);
  const overflow = rows.length > listHeight;
  const footnote = [folded > 0 ? s.foldedRows(folded) : '', overflow ? s.moreRows(start, rows.length - start - shown.length) : ''].filter(Boolean).join(' · ');
  const empty = entities.length === 0 ? (traced ? s.noProcesses : s.noEntities) : rows.length === 0 ? s.noMatch(table.filter) : undefined;
  const note = countsNote(counts, lang);
  // The counts give way to a filter being typed or kept, or to the one process shown: what the rows are matters more then.
  const keepNote = !filtering && !table.filter && process === undefined;
  return (
    <Panel title={title(s, name, rows, table, filtering, warningCount(entities), titleRoom(width, note, keepNote))} note={note} keepNote={keepNote} footnote={footnote} width={width} height={height}>
      <TableHeader columns={columns} table={table} lang={lang} />
      {empty ? (
        <Text wrap="truncate-end" color={theme.muted}>
          {empty}
        </Text>
      ) : null}
      {shown.map((row) => (
        <TaskRow
          key={row.entity.id}
          store={store}
          entity={row.entity}
          depth={row.depth}
          context={row.context === true}
          columns={columns}
          selected={row.entity.id === selectedId}
          lang={lang}
          code={code}
        />
      ))}
    </Panel>
  );
}
