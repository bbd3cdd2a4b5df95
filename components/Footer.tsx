import { Box, Text } from 'ink';
import { useTheme } from '../src/hooks/use-theme.js';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { formatMs, oneLine } from '../src/text/format.js';
import { warningWords } from '../src/view/entity-text.js';
import { footerHints, type FooterHint } from '../src/view/keys.js';
import type { DashboardSnapshot, SnapshotSource } from '../src/dashboard/store.js';
import { strings } from '../src/view/i18n.js';
import { KIND_LOOK, STATE_LOOK, WARNING_MARK } from '../src/view/looks.js';

export type Props = {
  readonly store: SnapshotSource;
  readonly width: number;
};

const select = (s: DashboardSnapshot) => ({
  lang: s.session.lang,
  mode: s.session.mode,
  message: s.session.message,
  summary: s.session.scenario.summary,
  selected: s.session.selectedId === undefined ? undefined : s.run.entities.find((e) => e.id === s.session.selectedId),
  failure: s.session.result?.status === 'failed' ? s.session.result.error : undefined,
  run: s.session.scenario.command === undefined ? ('scenario' as const) : ('trace' as const),
});

/**
 * The hints that fit in `width`, in key-table order. When not all fit, the lowest in rank are
 * left out: the footer shows rank 1 (`? help`, `q quit`), then ranks 2, 3… while they fit.
 */
function fitHints(hints: readonly FooterHint[], width: number): string {
  const text = (h: FooterHint) => `${h.keys} ${h.hint}`;
  const byRank = [...hints].sort((a, b) => a.rank - b.rank);
  let used = -2;
  let count = 0;
  for (const h of byRank) {
    if (h.rank > 1 && used + text(h).length + 2 > width) break;
    used += text(h).length + 2;
    count++;
  }
  const kept = new Set(byRank.slice(0, count));
  return hints.filter((h) => kept.has(h)).map(text).join('  ');
}

/**
 * Two lines: what just happened (a key's result), else the selected entity in full, else why
 * the run failed, else the scenario's one-line summary; then the key hints, from the key table.
 */
export function Footer({ store, width }: Props) {
  const theme = useTheme();
  const { lang, mode, message, summary, selected, failure } = useSnapshot(store, select);
  const s = strings(lang);
  let line: string;
  let colour: string | undefined;
  if (message) {
    line = `» ${message(s)}`;
    colour = theme.message;
  } else if (selected) {
    const took = selected.settled === undefined ? '' : ` · ${formatMs(selected.settled - selected.created)}`;
    const outcome = selected.error ?? selected.value ?? selected.detail;
    // What is wrong with it goes before its value, which may be long.
    const warned = warningWords(selected, lang);
    line = `› ${selected.name} · ${KIND_LOOK[selected.kind].word[lang]} · ${STATE_LOOK[selected.state].word[lang]}${took}${warned ? ` · ${WARNING_MARK} ${warned}` : ''}${outcome ? ` · ${oneLine(outcome)}` : ''}`;
    colour = theme.state[selected.state];
  } else if (failure !== undefined) {
    line = `✗ ${oneLine(failure)}`;
    colour = theme.state.rejected;
  } else {
    line = summary[lang];
    colour = undefined;
  }
  return (
    <Box flexDirection="column" width={width} height={2}>
      <Text wrap="truncate-end" color={colour}>
        {line}
      </Text>
      <Text wrap="truncate-end" color={theme.muted}>
        {fitHints(footerHints(lang, mode), width)}
      </Text>
    </Box>
  );
}
