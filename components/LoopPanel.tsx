import { Box, Text } from 'ink';
import { useTheme } from '../src/hooks/use-theme.js';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { barChart, formatMs } from '../src/text/format.js';
import { strings } from '../src/view/i18n.js';
import type { DashboardSnapshot } from '../src/dashboard/store.js';
import { Panel, type StorePanelProps } from './Panel.js';

export type Props = StorePanelProps;

const select = (s: DashboardSnapshot) => ({ loop: s.loop, lang: s.session.lang });

/** Below this a lag is the loop's ordinary jitter; the sparkline scales to at least this much. */
const CALM_MS = 50;

/** The event loop as measured: lag now, p99 and max since the run started, utilisation, lag history. */
export function LoopPanel({ store, width, height }: Props) {
  const theme = useTheme();
  const { loop, lang } = useSnapshot(store, select);
  const s = strings(lang);
  const inner = width - 4;
  const lagColour = loop.blocked ? theme.blocked : undefined;
  const maxColour = loop.maxMs >= CALM_MS ? theme.blocked : undefined;
  const sparkRows = Math.max(1, height - 4);
  return (
    <Panel title={s.loop} width={width} height={height}>
      <Text wrap="truncate-end">
        {`${s.lagNow} `}
        <Text color={lagColour} bold={loop.blocked}>
          {formatMs(loop.lagMs)}
        </Text>
        {`  ${s.p99} ${formatMs(loop.p99Ms)}`}
      </Text>
      <Text wrap="truncate-end">
        {`${s.max} `}
        <Text color={maxColour} bold={loop.maxMs >= CALM_MS}>
          {formatMs(loop.maxMs)}
        </Text>
        {`  ${s.utilisation} ${Math.round(loop.utilization * 100)}%`}
      </Text>
      <Box flexDirection="column" height={sparkRows}>
        {barChart(loop.series, inner, sparkRows, CALM_MS).map((line, i) => (
          <Text key={i} color={theme.state.running} wrap="truncate-end">
            {line}
          </Text>
        ))}
      </Box>
    </Panel>
  );
}
