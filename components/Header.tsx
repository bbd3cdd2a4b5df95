import { Box, Text } from 'ink';
import { useTheme } from '../src/hooks/use-theme.js';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { formatMs, formatSpeed } from '../src/text/format.js';
import { strings } from '../src/view/i18n.js';
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
  replay: s.session.replay,
  // The stretch the loop was last held (for BLOCK_HOLD_MS), or the newest window's lag when that
  // window itself counts as blocked.
  blockedMs: s.block ? s.block.end - s.block.start : s.loop.blocked ? s.loop.lagMs : undefined,
});

const NAME = 'loopscope';

/**
 * Name, scenario tabs with their keys (a replay's recorded runs), the playback's place, speed,
 * step mode, and whether the loop runs or was blocked.
 */
export function Header({ store, ids, width }: Props) {
  const theme = useTheme();
  const { index, speed, lang, stepMode, pausedAt, replay, blockedMs } = useSnapshot(store, select);
  const s = strings(lang);
  const status = blockedMs === undefined ? s.loopRunning : s.loopBlocked(formatMs(blockedMs));
  const playback = replay ? `${replay.paused ? '❚❚' : '▶'} ${s.replayAt(formatMs(replay.position), formatMs(replay.length))}` : '';
  const step = pausedAt !== undefined ? `❚❚ ${s.stepOn}` : stepMode ? s.stepOn : '';
  const right = [playback, step, s.speed(formatSpeed(speed)), status].filter(Boolean).join('  ');
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
          {'  '}
          <Text bold color={blockedMs === undefined ? theme.state.resolved : theme.blocked}>
            {status}
          </Text>
        </Text>
      </Box>
    </Box>
  );
}
