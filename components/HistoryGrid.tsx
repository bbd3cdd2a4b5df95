import { Box, Text } from 'ink';
import { useTheme } from '../src/hooks/use-theme.js';
import { formatMs } from '../src/text/format.js';
import type { Stretch } from '../src/view/history.js';
import { strings } from '../src/view/i18n.js';
import { STATE_LOOK } from '../src/view/looks.js';
import type { Lang } from '../src/settings.js';

export type Props = {
  readonly stretches: readonly Stretch[];
  /** Lines it may take; the newest stretches are the ones kept when they do not all fit. */
  readonly lines: number;
  readonly width: number;
  readonly lang: Lang;
};

/** `  12ms running    3.1ms`: when the stretch began, its state, how long it lasted. */
const CELL = 24;

const perLine = (width: number) => Math.max(1, Math.floor(width / CELL));
const foldedIn = (stretches: readonly Stretch[]) => stretches.reduce((sum, st) => sum + st.foldedBefore, 0);

/** How many lines the whole history takes in `width` columns, the line about folded changes included. */
export function historyLines(stretches: readonly Stretch[], width: number): number {
  return Math.ceil(stretches.length / perLine(width)) + (foldedIn(stretches) > 0 ? 1 : 0);
}

/**
 * An entity's state history as a grid read down each column: each stretch's start, state and
 * length (the one going on grows with the clock), and where changes were folded away.
 */
export function HistoryGrid({ stretches, lines, width, lang }: Props) {
  const theme = useTheme();
  const s = strings(lang);
  const columns = perLine(width);
  const folded = foldedIn(stretches);
  // A line tells what is not shown: folded changes, or the oldest stretches when they do not fit.
  const noted = folded > 0 || stretches.length > lines * columns;
  const kept = stretches.slice(-Math.max(1, noted ? lines - 1 : lines) * columns);
  const dropped = stretches.length - kept.length;
  const rows = Math.ceil(kept.length / columns);
  const cell = (k: number) => {
    const stretch = kept[k];
    if (stretch === undefined) return null;
    // `…` before a stretch that follows changes not shown.
    const gap = (k === 0 && dropped > 0) || stretch.foldedBefore > 0;
    const took = stretch.lasted === undefined ? '' : formatMs(stretch.lasted);
    return (
      <Box key={k} width={CELL} flexShrink={0}>
        <Text wrap="truncate-end">
          <Text color={theme.muted}>{`${gap ? '…' : ' '}${formatMs(stretch.at).padStart(5)} `}</Text>
          <Text color={theme.state[stretch.state]}>{STATE_LOOK[stretch.state].word[lang].padEnd(9)}</Text>
          {` ${took.padStart(5)}`}
        </Text>
      </Box>
    );
  };
  return (
    <Box flexDirection="column" flexShrink={0}>
      {Array.from({ length: rows }, (_, r) => (
        <Box key={r} height={1} flexShrink={0}>
          {Array.from({ length: columns }, (_, c) => cell(c * rows + r))}
        </Box>
      ))}
      {noted ? (
        <Text wrap="truncate-end" color={theme.muted}>
          {s.changesNotShown(folded + dropped)}
        </Text>
      ) : null}
    </Box>
  );
}
