import { Box, Text } from 'ink';
import { useTheme } from '../src/hooks/use-theme.js';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { clip, formatMs, formatSpeed } from '../src/text/format.js';
import { strings, type Strings } from '../src/view/i18n.js';
import { STATE_LOOK } from '../src/view/looks.js';
import type { Colour, Theme } from '../src/view/theme.js';
import type { DashboardSnapshot, SnapshotSource } from '../src/dashboard/store.js';
import { tabStrip } from '../src/view/tabs.js';

export type Props = {
  readonly store: SnapshotSource;
  /** Scenario ids in key order. */
  readonly ids: readonly string[];
  readonly width: number;
};

const select = (s: DashboardSnapshot) => ({
  index: s.session.index,
  speed: s.session.speed,
  lang: s.session.lang,
  stepMode: s.session.stepMode,
  pausedAt: s.session.pausedAt,
  phase: s.session.phase,
  runNumber: s.session.runNumber,
  wallMs: s.session.result?.wallMs,
  // The run's thread held now (counting up), or a moment ago (for BLOCK_HOLD_MS): the store keeps only the shown run's.
  blockedMs: s.block ? s.block.end - s.block.start : undefined,
  replay: s.session.replay,
});

type Slice = ReturnType<typeof select>;

const NAME = 'loopscope';

/** A step label in the header: enough to know it, never the tabs' room. */
const LABEL_MAX = 16;

/** The run's state in one word and a number, and its colour: how it ended, else what it does now. */
function runState(s: Strings, theme: Theme, { phase, wallMs, pausedAt, blockedMs }: Slice): { text: string; colour: Colour } {
  const took = formatMs(wallMs ?? 0);
  switch (phase) {
    case 'ended':
      return { text: `${STATE_LOOK.resolved.icon} ${s.runEnded(took)}`, colour: theme.state.resolved };
    case 'failed':
      return { text: `${STATE_LOOK.rejected.icon} ${s.runFailed(took)}`, colour: theme.state.rejected };
    case 'stopped':
      return { text: `${STATE_LOOK.cancelled.icon} ${s.runStopped(took)}`, colour: theme.state.cancelled };
    case 'stopping':
      return { text: `… ${s.runStopping}`, colour: theme.muted };
    case 'running':
      if (pausedAt !== undefined) return { text: `❚❚ ${s.pausedAt(clip(pausedAt, LABEL_MAX))}`, colour: theme.paused };
      if (blockedMs !== undefined) return { text: s.loopBlocked(formatMs(blockedMs)), colour: theme.blocked };
      return { text: s.loopRunning, colour: theme.state.resolved };
  }
}

/**
 * Name, scenario tabs with their keys (a replay's recorded runs), the playback's place, speed,
 * step mode, which run of the scenario this is (from the second), and the run's state: running,
 * blocked, paused or how it ended.
 */
export function Header({ store, ids, width }: Props) {
  const theme = useTheme();
  const slice = useSnapshot(store, select);
  const { index, speed, lang, stepMode, replay, runNumber } = slice;
  const s = strings(lang);
  const status = runState(s, theme, slice);
  const playback = replay ? `${replay.paused ? '❚❚' : '▶'} ${s.replayAt(formatMs(replay.position), formatMs(replay.length))}` : '';
  const step = stepMode ? s.stepOn : '';
  const again = runNumber > 1 ? s.runNumber(runNumber) : '';
  const right = [playback, step, s.speed(formatSpeed(speed)), again, status.text].filter(Boolean).join('  ');
  const strip = tabStrip(ids, index, width - NAME.length - right.length - 4);
  return (
    <Box width={width} height={1}>
      <Text bold color={theme.accent}>
        {NAME}
      </Text>
      <Box flexGrow={1} marginLeft={2}>
        <Text wrap="truncate-end">
          {strip.moreBefore ? <Text color={theme.muted}>{'‹ '}</Text> : null}
          {strip.tabs.map((tab, i) => (
            <Text key={tab.index}>
              {i > 0 ? '  ' : ''}
              {tab.current ? (
                <Text bold inverse color={theme.accent}>{`[${tab.text}]`}</Text>
              ) : (
                <Text color={theme.muted}>{tab.text}</Text>
              )}
            </Text>
          ))}
          {strip.moreAfter ? <Text color={theme.muted}>{' ›'}</Text> : null}
        </Text>
      </Box>
      <Box marginLeft={1} flexShrink={0}>
        <Text>
          {playback ? <Text bold color={theme.accent}>{`${playback}  `}</Text> : null}
          {step ? <Text color={theme.paused}>{`${step}  `}</Text> : null}
          <Text>{s.speed(formatSpeed(speed))}</Text>
          {again ? <Text color={theme.muted}>{`  ${again}`}</Text> : null}
          {'  '}
          <Text bold color={status.colour}>
            {status.text}
          </Text>
        </Text>
      </Box>
    </Box>
  );
}
