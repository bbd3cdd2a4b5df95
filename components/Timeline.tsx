import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { formatMs, summarize } from '../src/text/format.js';
import { strings, type Strings } from '../src/view/i18n.js';
import { orderRows } from '../src/view/rows.js';
import type { SessionState } from '../src/dashboard/session.js';
import type { DashboardSnapshot } from '../src/dashboard/store.js';
import { groupWords } from '../src/view/lane-groups.js';
import { legendItems, legendWidth } from '../src/view/legend.js';
import { rolesShown, timelineLanes, timelineSpan, withLiveBlock, withOpenPause } from '../src/view/timeline.js';
import { Legend } from './Legend.js';
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
  // A block going on now, in ms into the run (the block is timed on the screen's clock, as `at` is).
  blockedSince: s.block?.live ? s.block.start - s.at + s.now : undefined,
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
 * One lane per entity over the run's real time, each cell what it mostly did then (running,
 * waiting, not started, blocking the loop, paused at a step, then ✓ ✗ ⊘), under a lane for the
 * loop itself where every block and pause shows; related entities share a lane when they
 * outnumber the rows. The bottom border is the legend of what is drawn.
 */
export function Timeline({ store, width, height }: Props) {
  const { entities, marks: recorded, now, lang, phase, result, pausedAt, blockedSince } = useSnapshot(store, select);
  const marks = withLiveBlock(withOpenPause(recorded, pausedAt, now), blockedSince, now);
  const s = strings(lang);
  const inner = width - 4;
  const labelWidth = Math.min(18, Math.max(10, Math.floor(inner * 0.2)));
  const barWidth = inner - labelWidth - 1;
  const lanes = timelineLanes(orderRows(entities), marks, now, barWidth, height - 2, groupWords(s));
  const legend = legendItems(rolesShown(lanes), s, width - 6);
  const title = `${s.timeline} · 0–${formatMs(timelineSpan(now, marks))}`;
  return (
    <Panel title={title} note={runStatus(s, phase, result)} width={width} height={height} footer={legend.length > 0 ? { node: <Legend items={legend} />, width: legendWidth(legend) } : undefined}>
      {lanes.map((lane) => (
        <TimelineLane key={lane.key} lane={lane} label={lane.key === 'loop' ? s.loopLane : lane.label} labelWidth={labelWidth} />
      ))}
    </Panel>
  );
}
