import { Box, Text } from 'ink';
import { useTheme } from '../src/hooks/use-theme.js';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { formatMs, summarize } from '../src/text/format.js';
import { strings, type Strings } from '../src/view/i18n.js';
import { orderRows } from '../src/view/rows.js';
import type { SessionState } from '../src/dashboard/session.js';
import type { DashboardSnapshot } from '../src/dashboard/store.js';
import { timelineLanes, timelineSpan, withOpenPause } from '../src/view/timeline.js';
import { Panel, type StorePanelProps } from './Panel.js';
import { TimelineLane } from './TimelineLane.js';

export type Props = StorePanelProps;

const select = (s: DashboardSnapshot) => ({
  entities: s.run.entities,
  marks: s.run.marks,
  now: s.now,
  lang: s.session.lang,
  phase: s.session.phase,
  result: s.session.result,
  // The step the shown run waits at, in step mode (the session may already want another scenario).
  pausedAt: s.session.pausedAt !== undefined && s.runScenario === s.session.scenario.id ? s.run.step : undefined,
});

/** Where the run stands, for the panel's title: `ended in 303ms · nothing left alive`. */
function runStatus(s: Strings, phase: SessionState['phase'], result: SessionState['result']): string {
  if (phase === 'running') return s.runRunning;
  if (phase === 'stopping' || !result) return s.runStopping;
  const ms = formatMs(result.wallMs);
  const how = phase === 'ended' ? s.runEnded(ms) : phase === 'failed' ? s.runFailed(ms) : s.runStopped(ms);
  return `${how} · ${result.leaks.length > 0 ? s.leftAlive(summarize(result.leaks)) : s.nothingLeft}`;
}

/**
 * One bar per entity over the run's real time (pending ░, active █, then ✓ ✗ ⊘), under a lane
 * for the loop itself where blocks ▓ and step pauses ┄ show; they cross every bar they stopped.
 */
export function Timeline({ store, width, height }: Props) {
  const theme = useTheme();
  const { entities, marks: recorded, now, lang, phase, result, pausedAt } = useSnapshot(store, select);
  const marks = withOpenPause(recorded, pausedAt, now);
  const s = strings(lang);
  const inner = width - 4;
  const labelWidth = Math.min(18, Math.max(10, Math.floor(inner * 0.2)));
  const barWidth = inner - labelWidth - 1;
  const rows = height - 2;
  const lanes = timelineLanes(orderRows(entities), marks, now, barWidth, rows);
  const title = `${s.timeline} · 0–${formatMs(timelineSpan(now, marks))}`;
  return (
    <Panel title={title} note={runStatus(s, phase, result)} width={width} height={height}>
      {lanes.map((lane) => (
        <TimelineLane key={lane.key} lane={lane} label={lane.key === 'loop' ? s.loopLane : lane.label} labelWidth={labelWidth} />
      ))}
      {lanes.length < rows ? (
        <Box marginTop={rows - 1 - lanes.length} marginLeft={labelWidth + 1} height={1}>
          <Text color={theme.muted} wrap="truncate-end">
            {s.timelineLegend}
          </Text>
        </Box>
      ) : null}
    </Panel>
  );
}
