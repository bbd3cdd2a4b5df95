import { Box, Text } from 'ink';
import { useTheme } from '../src/hooks/use-theme.js';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { formatMs, wrapLines } from '../src/text/format.js';
import { outcomeText, warningReasons } from '../src/view/entity-text.js';
import { stretches, timeSplit } from '../src/view/history.js';
import { strings } from '../src/view/i18n.js';
import { KIND_LOOK, STATE_LOOK, WARNING_MARK } from '../src/view/looks.js';
import type { EntityView } from '../src/runtime/tracker.js';
import type { DashboardSnapshot } from '../src/dashboard/store.js';
import { DetailField } from './DetailField.js';
import { HistoryGrid, historyLines } from './HistoryGrid.js';
import { Panel, type StorePanelProps } from './Panel.js';

export type Props = StorePanelProps;

const select = (s: DashboardSnapshot) => ({ detail: s.detail, id: s.session.detailId, lang: s.session.lang, code: s.session.code, now: s.now });

/**
 * The open row in full (Enter; Esc goes back), live as the run goes on, after tokio-console's task
 * view: what it is, its warnings and why, its parent, what it awaits and who awaits it, its
 * children, where the program made it, where its time went (busy, waiting, pending), its state
 * history with times, and its value or error, wrapped. History and value share what room is left.
 */
export function DetailView({ store, width, height }: Props) {
  const theme = useTheme();
  const { detail, id, lang, code, now } = useSnapshot(store, select);
  const s = strings(lang);
  if (detail === undefined) {
    return (
      <Panel title={`${s.details} · ${id ?? ''}`} note={s.detailsBack} width={width} height={height}>
        <Text wrap="wrap" color={theme.muted}>
          {s.detailsGone}
        </Text>
      </Panel>
    );
  }
  const e = detail.entity;
  const look = STATE_LOOK[e.state];
  const one = (v: EntityView | undefined) => (v ? `${v.name} (${v.id}, ${STATE_LOOK[v.state].word[lang]})` : '–');
  const many = (vs: readonly EntityView[]) => (vs.length === 0 ? '–' : `${vs.length}: ${vs.map((v) => `${v.name} ${STATE_LOOK[v.state].icon}`).join(', ')}`);
  const split = timeSplit(e, now);
  const facts: [string, string][] = [
    [s.detailParent, one(detail.parent)],
    [s.detailAwaits, one(detail.awaiting)],
    [s.detailAwaitedBy, many(detail.awaitedBy)],
    [s.detailChildren, many(detail.children)],
    [s.detailSite, detail.site ?? '–'],
    [s.detailTime, split ? s.timeSplit(formatMs(split.lived), formatMs(split.busy), formatMs(split.waiting), formatMs(split.pending)) : formatMs((e.settled ?? now) - e.created)],
  ];
  const inner = width - 4;
  const labelWidth = Math.max(...[...facts.map(([label]) => label), s.detailHistory, s.detailResult, s.detailError].map((l) => l.length)) + 2;
  const textWidth = inner - labelWidth;
  const reasons = warningReasons(e, lang).flatMap((reason) => wrapLines(`${WARNING_MARK} ${reason}`, inner));
  const outcome = outcomeText(e, code);
  const outcomeLines = outcome === undefined ? [] : wrapLines(outcome, textWidth);
  const history = stretches(e, now);
  // What is left below the facts goes to the history first, then to the value, which keeps a line or more.
  const room = height - 2 - 1 - reasons.length - facts.length;
  const historyNeed = history.length > 0 ? historyLines(history, textWidth) : 1;
  const historyRoom = Math.max(1, Math.min(historyNeed, room - Math.min(outcomeLines.length, Math.max(1, Math.floor(room / 2)))));
  const outcomeRoom = Math.max(0, room - historyRoom);
  return (
    <Panel title={`${s.details} · ${e.name}`} note={s.detailsBack} width={width} height={height}>
      <Text wrap="truncate-end">
        <Text bold>{e.name}</Text>
        <Text color={theme.muted}>{` · ${KIND_LOOK[e.kind].word[lang]} ${e.id} · `}</Text>
        <Text color={theme.state[e.state]}>{`${look.icon} ${look.word[lang]}`}</Text>
        <Text color={theme.muted}>{` · ${s.createdAt(formatMs(e.created))}`}</Text>
      </Text>
      {reasons.map((line, i) => (
        <Text key={i} wrap="truncate-end" color={theme.warning}>
          {line}
        </Text>
      ))}
      {facts.map(([label, text]) => (
        <DetailField key={label} label={label} labelWidth={labelWidth} lines={[text]} />
      ))}
      <Box flexShrink={0}>
        <Box width={labelWidth} flexShrink={0}>
          <Text color={theme.muted}>{s.detailHistory}</Text>
        </Box>
        {history.length > 0 ? (
          <HistoryGrid stretches={history} lines={historyRoom} width={textWidth} lang={lang} />
        ) : (
          <Text color={theme.muted}>{s.noHistory}</Text>
        )}
      </Box>
      {outcome !== undefined && outcomeRoom > 0 ? (
        <DetailField
          label={e.error !== undefined ? s.detailError : s.detailResult}
          labelWidth={labelWidth}
          lines={outcomeLines}
          maxLines={outcomeRoom}
          colour={e.error !== undefined ? theme.state[e.state] : undefined}
        />
      ) : null}
    </Panel>
  );
}
