import type { LoopView } from '../../src/runtime/loop-monitor.js';
import { isSettled, STATES, type State } from '../../src/runtime/states.js';
import type { EntityView, LogLine, Mark, Snapshot, StepView } from '../../src/runtime/tracker.js';
import type { LoadedScenario } from '../../src/scenario.js';
import { initialState, type SessionState } from '../../src/dashboard/session.js';
import { dashboardSnapshot, EMPTY_RUN, type DashboardSnapshot } from '../../src/dashboard/store.js';

/** A scenario with a known source, Python and texts, for panels that show them. */
export const FIXTURE_SCENARIO: LoadedScenario = {
  id: 'fixture',
  title: 'Fixture',
  summary: { en: 'A fixture scenario: one task, one future.', es: 'Un escenario de prueba: una task, un future.' },
  explain: { en: ['First line to notice.', 'Second line.'], es: ['Primera línea.', 'Segunda línea.'] },
  python: ['async def main():', '    f = loop.create_future()  # step: make', '    await f  # step: wait', '    print("done")'].join('\n'),
  source: [
    "import { defineScenario } from '../src/scenario.js';",
    'export default defineScenario({',
    "  id: 'fixture',",
    '  async run(ctx) {',
    "    await ctx.step('make');",
    '    const f = ctx.createFuture();',
    "    await ctx.step('wait');",
    '    await f;',
    '  },',
    '});',
  ].join('\n'),
  async run() {},
};

/** An entity view with defaults; times are milliseconds into the run. */
export function entity(seq: number, name: string, state: State, extra: Partial<EntityView> = {}): EntityView {
  const settled = state === 'resolved' || state === 'rejected' || state === 'cancelled';
  return Object.freeze({
    id: `t${seq}`,
    seq,
    kind: 'task',
    name,
    state,
    created: seq * 10,
    started: state === 'created' || state === 'pending' ? undefined : seq * 10 + 5,
    settled: settled ? seq * 10 + 50 : undefined,
    value: undefined,
    error: undefined,
    parent: undefined,
    detail: undefined,
    shown: undefined,
    awaiting: undefined,
    warnings: [],
    blockedMs: undefined,
    site: undefined,
    history: undefined,
    ...extra,
  });
}

/**
 * An entity that lived through `changes` (`[ms, state]`, its creation first), with the history the
 * mirror keeps: its times, its state and its busy and waiting totals follow from them.
 */
export function lived(seq: number, name: string, changes: readonly (readonly [number, State])[], extra: Partial<EntityView> = {}): EntityView {
  const pairs = changes.flatMap(([ms, state]) => [Math.round(ms * 1000), STATES.indexOf(state)]);
  let busyUs = 0;
  let waitUs = 0;
  for (let i = 0; i + 1 < changes.length; i++) {
    const lasted = (changes[i + 1]![0] - changes[i]![0]) * 1000;
    if (changes[i]![1] === 'running') busyUs += lasted;
    if (changes[i]![1] === 'waiting') waitUs += lasted;
  }
  const [, state] = changes[changes.length - 1]!;
  const started = changes.find(([, s]) => s === 'running' || s === 'waiting')?.[0];
  return entity(seq, name, state, {
    created: changes[0]![0],
    started,
    settled: isSettled(state) ? changes[changes.length - 1]![0] : undefined,
    history: { pairs, length: pairs.length, folded: 0, busyUs, waitUs },
    ...extra,
  });
}

/** One entity in each state the panels draw, the main task first. */
export const ENTITIES: readonly EntityView[] = [
  entity(1, 'main', 'waiting'),
  entity(2, 'worker-a', 'running', { parent: 't1' }),
  entity(3, 'Future-1', 'pending', { kind: 'future', id: 'f3', parent: 't1' }),
  entity(4, 'fetch', 'created', { kind: 'coroutine', id: 'c4', parent: 't1' }),
  entity(5, 'done-task', 'resolved', { parent: 't1', value: "'result 5'" }),
  entity(6, 'broken', 'rejected', { parent: 't1', error: 'ValueError: bad input' }),
  entity(7, 'stopped', 'cancelled', { parent: 't1', error: 'CancelledError: cancelled by you' }),
];

export function counts(entities: readonly EntityView[]): Record<State, number> {
  const out = { ...EMPTY_RUN.counts } as Record<State, number>;
  for (const e of entities) out[e.state] += 1;
  return out;
}

export function runSnapshot(parts: {
  entities?: readonly EntityView[];
  logs?: readonly LogLine[];
  marks?: readonly Mark[];
  step?: StepView;
  folded?: number;
  droppedLogs?: number;
}): Snapshot {
  const entities = parts.entities ?? [];
  return Object.freeze({
    ...EMPTY_RUN,
    version: 1,
    entities,
    counts: counts(entities),
    total: entities.length + (parts.folded ?? 0),
    folded: parts.folded ?? 0,
    logs: parts.logs ?? [],
    droppedLogs: parts.droppedLogs ?? 0,
    marks: parts.marks ?? [],
    step: parts.step,
  });
}

export const QUIET_LOOP: LoopView = Object.freeze({
  lagMs: 0.4,
  p99Ms: 1.2,
  maxMs: 3.5,
  utilization: 0.12,
  series: [1, 1, 2, 1, 1],
  blocked: false,
  sampledAt: 0,
});

export function sessionState(patch: Partial<SessionState> = {}): SessionState {
  return initialState(patch.index ?? 0, patch.scenario ?? FIXTURE_SCENARIO, patch);
}

/** A dashboard snapshot from parts, the rest quiet and empty. */
export function dashboard(patch: Partial<Omit<DashboardSnapshot, 'session'>> & { session?: Partial<SessionState> } = {}): DashboardSnapshot {
  const { session, loop, ...rest } = patch;
  return dashboardSnapshot(sessionState(session), loop ?? QUIET_LOOP, { version: 1, runScenario: 'fixture', now: 100, spinner: '⠋', ...rest });
}

