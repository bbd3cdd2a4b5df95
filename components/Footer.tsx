import { Box, Text } from 'ink';
import { useTheme } from '../src/hooks/use-theme.js';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { formatMs, oneLine } from '../src/text/format.js';
import { footerHints } from '../src/view/keys.js';
import type { DashboardSnapshot, SnapshotSource } from '../src/dashboard/store.js';
import { strings } from '../src/view/i18n.js';

export type Props = {
  readonly store: SnapshotSource;
  readonly width: number;
};

const select = (s: DashboardSnapshot) => ({
  lang: s.session.lang,
  message: s.session.message,
  summary: s.session.scenario.summary,
  selected: s.session.selectedId === undefined ? undefined : s.run.entities.find((e) => e.id === s.session.selectedId),
  failure: s.session.result?.status === 'failed' ? s.session.result.error : undefined,
  run: s.session.scenario.command === undefined ? ('scenario' as const) : ('trace' as const),
});

/** The hints that fit in `width`, in key-table order; `? help` and `q quit` always stay. */
function fitHints(hints: readonly { keys: string; hint: string }[], width: number): string {
  const text = (h: { keys: string; hint: string }) => `${h.keys} ${h.hint}`;
  const tail = hints.slice(-2).map(text);
  let used = tail.join('  ').length;
  const kept: string[] = [];
  for (const h of hints.slice(0, -2)) {
    const t = text(h);
    if (used + t.length + 2 > width) break;
    kept.push(t);
    used += t.length + 2;
  }
  return [...kept, ...tail].join('  ');
}

/**
 * Two lines: what just happened (a key's result), else the selected entity in full, else why
 * the run failed, else the scenario's one-line summary; then the key hints, from the key table.
 */
export function Footer({ store, width }: Props) {
  const theme = useTheme();
  const { lang, message, summary, selected, failure, run } = useSnapshot(store, select);
  const s = strings(lang);
  let line: string;
  let colour: string | undefined;
  if (message) {
    line = `» ${message(s)}`;
    colour = theme.message;
  } else if (selected) {
    const took = selected.settled === undefined ? '' : ` · ${formatMs(selected.settled - selected.created)}`;
    const outcome = selected.error ?? selected.value ?? selected.detail;
    line = `› ${selected.name} · ${selected.kind} · ${selected.state}${took}${outcome ? ` · ${oneLine(outcome)}` : ''}`;
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
        {fitHints(footerHints(lang, run), width)}
      </Text>
    </Box>
  );
}
