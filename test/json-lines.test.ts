import { describe, expect, it } from 'vitest';
import { LoopMirror } from '../src/observer/run-handle.js';
import { StreamMirror } from '../src/observer/stream-mirror.js';
import type { Snapshot } from '../src/runtime/tracker.js';
import { settingsWith } from '../src/settings.js';
import type { RunEnd, ScenarioInfo, StreamEvent } from '../src/stream/events.js';
import { headerLine, JsonLineReader, JsonLineWriter, LineError, runRecordOf, STREAM_VERSION, type JsonLine } from '../src/stream/json-lines.js';

const SCENARIO: ScenarioInfo = {
  id: 'fixture',
  title: { en: 'Fixture', es: 'Prueba' },
  summary: { en: 'One of each event.', es: 'Uno de cada evento.' },
  explain: { en: ['First.', 'Second.'], es: ['Primero.', 'Segundo.'] },
  python: 'async def main():\n    pass  # step: make',
  source: "export default async (ctx) => {\n  await ctx.step('make');\n};",
  file: '/somewhere/fixture.ts',
};
const SETTINGS = settingsWith({ speed: 2, lang: 'es', scale: 100_000, interactive: true });

const END: RunEnd = { scenario: 'fixture', status: 'failed', ok: false, error: 'ValueError: bad', wallMs: 107.3, leaks: ['Timeout'], neverAwaited: ['fetch'], total: 2 };

/**
 * One event of every kind the stream has, in an order a run could send them; times as the lines
 * keep them (0.1 ms), entity times in whole microseconds.
 */
const EVENTS: StreamEvent[] = [
  { kind: 'control', message: { type: 'hello', pid: 1234, epoch: 1_700_000_000_000 } },
  { kind: 'control', message: { type: 'start', scenario: 'fixture', epoch: 1_700_000_000_000.25 } },
  { kind: 'entity', seq: 1, entity: 'task', naming: 1, state: 'pending', us: 123, parent: undefined, detail: 'main()' },
  { kind: 'entity', seq: 2, entity: 'future', naming: 'answer', state: 'pending', us: 345, parent: 't1', detail: undefined },
  { kind: 'state', seq: 1, state: 'running', us: 401, text: undefined },
  { kind: 'named', seq: 1, name: 'main', detail: 'main() at line 3' },
  { kind: 'log', stream: 'stdout', text: 'hello', t: 0.5 },
  { kind: 'log', stream: 'stderr', text: 'oops ⏎ "quoted"', t: 0.6 },
  { kind: 'step', label: 'make', line: 5, t: 0.7 },
  { kind: 'step', label: 'wait', line: undefined, t: 0.8 },
  { kind: 'control', message: { type: 'paused', label: 'wait', t: 0.9 } },
  { kind: 'control', message: { type: 'resumed', t: 1.5 } },
  { kind: 'mark', mark: 'paused', start: 0.9, end: 1.5 },
  { kind: 'mark', mark: 'blocked', start: 2, end: 102.5 },
  { kind: 'loop', t: 103, lagMs: 98.7, p99Ms: 99.1, maxMs: 101.2, utilization: 0.97, blocked: true },
  { kind: 'control', message: { type: 'acted', request: 1, outcome: { outcome: 'resolvedByYou', name: 'answer' } } },
  { kind: 'state', seq: 2, state: 'resolved', us: 105_000, text: "'yes'" },
  { kind: 'state', seq: 1, state: 'rejected', us: 106_001, text: 'ValueError: bad' },
  { kind: 'control', message: { type: 'fault', text: 'Error: later' } },
  { kind: 'control', message: { type: 'load-error', message: "--file: 'x.ts' does not load" } },
  { kind: 'control', message: { type: 'end', t: 107.5, result: END } },
  { kind: 'control', message: { type: 'exit', t: 108, code: 3 } },
];

/** What the process says of itself only (not part of the run's story): no line. */
const PROCESS_ONLY = new Set(['hello', 'acted', 'loaded', 'output-failed']);

function written(events: readonly StreamEvent[]): { lines: JsonLine[]; mirror: StreamMirror; loop: LoopMirror } {
  const loop = new LoopMirror();
  const mirror = new StreamMirror({}, () => loop);
  const writer = new JsonLineWriter({ scenario: SCENARIO, settings: SETTINGS });
  const lines: JsonLine[] = [];
  for (const event of events) {
    const entity = mirror.apply(event);
    const line = writer.toJson(event, entity);
    // Through text, as a file holds it.
    if (line) lines.push(JSON.parse(JSON.stringify(line)) as JsonLine);
  }
  return { lines, mirror, loop };
}

function read(lines: readonly JsonLine[]): { events: StreamEvent[]; times: number[] } {
  const reader = new JsonLineReader();
  const timed = lines.map((line) => reader.fromJson(line)!);
  return { events: timed.map((t) => t.event), times: timed.map((t) => t.t) };
}

/**
 * A snapshot without what depends on when it was taken: its moment, and the time of the line a
 * load error adds (the error has no time of its own: the mirror logs it when it comes).
 */
function picture(snap: Snapshot): object {
  const { now: _now, version: _version, logs, ...rest } = snap;
  return { ...rest, logs: logs.map((line) => (line.text.startsWith('--file:') ? { ...line, t: 'when it came' } : line)) };
}

describe('JSON lines', () => {
  it('give back every event kind of a run as the mirror takes it (a default name as its text)', () => {
    const { lines } = written(EVENTS);
    const expected = EVENTS.filter((e) => !(e.kind === 'control' && PROCESS_ONLY.has(e.message.type))).map((e) =>
      e.kind === 'entity' && typeof e.naming === 'number' ? { ...e, naming: `Task-${e.naming}` } : e,
    );
    expect(read(lines).events).toEqual(expected);
  });

  it('rebuild the very mirror the events built: entities, times, prints, steps, marks, loop, pause, fault, end', () => {
    const original = written(EVENTS);
    const loop = new LoopMirror();
    const mirror = new StreamMirror({}, () => loop);
    for (const event of read(original.lines).events) mirror.apply(event);
    expect(picture(mirror.tracker.snapshot())).toEqual(picture(original.mirror.tracker.snapshot()));
    expect(mirror.tracker.snapshot().entities.map((e) => [e.name, e.state, e.created, e.started, e.settled, e.detail])).toEqual([
      ['main', 'rejected', 0.123, 0.401, 106.001, 'main() at line 3'],
      ['answer', 'resolved', 0.345, undefined, 105, undefined],
    ]);
    const { pausedAt, fault, exitCode, ended } = mirror;
    expect({ pausedAt, fault, exitCode, ended }).toEqual({ pausedAt: undefined, fault: 'Error: later', exitCode: 3, ended: END });
    const { sampledAt: _a, ...gauge } = loop.getSnapshot();
    const { sampledAt: _b, ...originalGauge } = original.loop.getSnapshot();
    expect(gauge).toEqual(originalGauge);
    expect(gauge).toMatchObject({ lagMs: 98.7, p99Ms: 99.1, maxMs: 101.2, blocked: true });
  });

  it('keep DESIGN §5 fields as they were, and add what a replay needs', () => {
    const { lines } = written(EVENTS);
    const byType = (type: string) => lines.filter((l) => l.type === type);
    expect(byType('start')[0]).toEqual({
      t: 0,
      type: 'start',
      scenario: 'fixture',
      epoch: 1_700_000_000_000.25,
      info: { title: SCENARIO.title, summary: SCENARIO.summary, explain: SCENARIO.explain, python: SCENARIO.python, source: SCENARIO.source },
      settings: { speed: 2, lang: 'es', scale: 100_000, interactive: true },
    });
    expect(byType('state')[0]).toEqual({ t: 0.1, type: 'state', id: 't1', kind: 'task', name: 'Task-1', state: 'pending', us: 123, detail: 'main()' });
    expect(byType('state')[1]).toEqual({ t: 0.3, type: 'state', id: 'f2', kind: 'future', name: 'answer', state: 'pending', parent: 't1', us: 345 });
    expect(byType('state').at(-1)).toEqual({ t: 106, type: 'state', id: 't1', kind: 'task', name: 'main', state: 'rejected', error: 'ValueError: bad', us: 106_001 });
    expect(byType('named')).toEqual([{ t: 0.4, type: 'named', id: 't1', name: 'main', detail: 'main() at line 3' }]);
    expect(byType('loop')).toEqual([{ t: 103, type: 'loop', lagMs: 98.7, utilization: 0.97, p99Ms: 99.1, maxMs: 101.2, blocked: true }]);
    expect(byType('end')).toEqual([{ t: 107.5, type: 'end', scenario: 'fixture', ok: false, status: 'failed', wallMs: 107.3, error: 'ValueError: bad', leaks: ['Timeout'], neverAwaited: ['fetch'], total: 2 }]);
    // Events with no time of their own take the line before's: t never goes back.
    const times = lines.map((l) => l.t as number);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(headerLine('1.2.3')).toEqual({ type: 'stream', version: STREAM_VERSION, loopscope: '1.2.3' });
  });

  it('keep times to 0.1 ms, entity times to the microsecond', () => {
    const { lines } = written([EVENTS[1]!, { kind: 'entity', seq: 1, entity: 'task', naming: 1, state: 'pending', us: 1234, parent: undefined, detail: undefined }, { kind: 'log', stream: 'stdout', text: 'x', t: 12.3456 }]);
    const { events, times } = read(lines);
    expect(events[1]).toMatchObject({ kind: 'entity', us: 1234 });
    expect(events[2]).toMatchObject({ kind: 'log', t: 12.3 });
    expect(times).toEqual([0, 1.2, 12.3]);
  });

  it('give back the scenario the screen shows (not its path) and the settings', () => {
    const { lines } = written(EVENTS);
    const { file: _file, ...shown } = SCENARIO;
    expect(runRecordOf(lines.find((l) => l.type === 'start')!)).toEqual({ scenario: shown, settings: SETTINGS });
    expect(runRecordOf({ type: 'start', t: 0, scenario: 'bare' })).toMatchObject({ scenario: { id: 'bare', title: 'bare', source: '' }, settings: settingsWith() });
  });

  it('skip a type they do not know (a newer writer may add some), and name the field a known one lacks', () => {
    const reader = new JsonLineReader();
    expect(reader.fromJson({ type: 'awaits', t: 3, id: 't1', on: 'f2' })).toBeUndefined();
    expect(() => reader.fromJson({ type: 'log', t: 1, stream: 'stdout' })).toThrow(new LineError('a log line needs text (string)'));
    expect(() => reader.fromJson({ type: 'state', t: 1, id: 'x1', kind: 'task', name: 'a', state: 'pending' })).toThrow(/x1 is not an entity id/);
    expect(() => reader.fromJson({ type: 'state', t: 1, id: 't1', kind: 'task', name: 'a', state: 'sleeping' })).toThrow(/state must be one of created, pending/);
    expect(() => reader.fromJson({ type: 'state', t: 1, id: 't2', kind: 'task', name: 'a', state: 'pending' })).toThrow(/t2 comes out of order: the next new entity is number 1/);
  });
});
