import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Session } from '../src/dashboard/session.js';
import { LoopMirror } from '../src/observer/run-handle.js';
import { ReplayRun } from '../src/record/replay-run.js';
import { readSavedStream, type RecordedRun } from '../src/record/saved-stream.js';

// A saved run played back on a fake clock: the mirror at each moment is what the run showed then.

const dir = mkdtempSync(join(tmpdir(), 'loopscope-replay-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const END = { t: 2000, type: 'end', scenario: 'tiny', ok: true, status: 'ended', wallMs: 1999.5, leaks: [], neverAwaited: [], total: 2 };

/** Two runs of a small scenario as --save writes them: a task that prints, blocks, waits and ends. */
const LINES = [
  { type: 'stream', version: 1, loopscope: '0.1.0' },
  { t: 0, type: 'start', scenario: 'tiny', epoch: 1, info: { title: 'Tiny', summary: { en: 's', es: 's' }, explain: { en: [], es: [] }, source: 'code' }, settings: { speed: 1 } },
  { t: 0, type: 'state', id: 't1', kind: 'task', name: 'Task-1', state: 'running', us: 40 },
  { t: 200, type: 'log', stream: 'stdout', text: 'first' },
  { t: 300, type: 'loop', lagMs: 1, utilization: 0.1, p99Ms: 1, maxMs: 1, blocked: false },
  { t: 500, type: 'state', id: 'f2', kind: 'future', name: 'Future-1', state: 'pending', parent: 't1', us: 500_000 },
  { t: 900, type: 'mark', kind: 'blocked', start: 600, end: 900 },
  { t: 1500, type: 'log', stream: 'stdout', text: 'second' },
  { t: 1800, type: 'state', id: 'f2', kind: 'future', name: 'Future-1', state: 'resolved', value: "'done'", parent: 't1', us: 1_800_000 },
  { t: 1900, type: 'state', id: 't1', kind: 'task', name: 'Task-1', state: 'resolved', value: 'undefined', us: 1_900_000 },
  END,
  { t: 2000.1, type: 'exit', code: 0 },
  { t: 0, type: 'start', scenario: 'other', epoch: 2, settings: {} },
  { t: 50, type: 'log', stream: 'stderr', text: 'other run' },
  { t: 60, type: 'end', scenario: 'other', ok: false, status: 'failed', error: 'Error: x', wallMs: 60, leaks: [], neverAwaited: [], total: 0 },
];

function recorded(): RecordedRun[] {
  const path = join(dir, 'tiny.jsonl');
  writeFileSync(path, LINES.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return [...readSavedStream(path).runs];
}

/** What the mirror shows: console lines, and each entity's state. */
function shown(run: ReplayRun): { logs: string[]; entities: string[] } {
  const snap = run.tracker.snapshot();
  return { logs: snap.logs.map((l) => l.text), entities: snap.entities.map((e) => `${e.name} ${e.state}`) };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ReplayRun', () => {
  it('reads each recorded run as its own section, with its scenario, length and end', () => {
    const [tiny, other] = recorded();
    expect(tiny!.scenario).toMatchObject({ id: 'tiny', title: 'Tiny', source: 'code' });
    expect(tiny!.length).toBe(2000.1);
    expect(tiny!.result).toMatchObject({ status: 'ended', total: 2, wallMs: 1999.5 });
    expect(other!.scenario.id).toBe('other');
    expect(other!.result).toMatchObject({ status: 'failed', error: 'Error: x' });
  });

  it('plays the events at their recorded times', () => {
    const run = new ReplayRun(recorded()[0]!, { speed: 1 });
    expect(shown(run)).toEqual({ logs: [], entities: ['Task-1 running'] });
    vi.advanceTimersByTime(250);
    expect(run.view().position).toBeCloseTo(250, 0);
    expect(shown(run)).toEqual({ logs: ['first'], entities: ['Task-1 running'] });
    vi.advanceTimersByTime(1300);
    expect(shown(run)).toEqual({ logs: ['first', 'second'], entities: ['Task-1 running', 'Future-1 pending'] });
    expect(run.view().ended).toBeUndefined();
    vi.advanceTimersByTime(1000);
    expect(shown(run).entities).toEqual(['Task-1 resolved', 'Future-1 resolved']);
    expect(run.view()).toEqual({ position: 2000.1, length: 2000.1, paused: true, ended: expect.objectContaining({ status: 'ended' }) });
    expect(run.tracker.now()).toBe(2000.1);
  });

  it('pauses and plays on from where it was', () => {
    const run = new ReplayRun(recorded()[0]!, { speed: 1 });
    vi.advanceTimersByTime(300);
    run.togglePause();
    const at = run.view().position;
    vi.advanceTimersByTime(5000);
    expect(run.view()).toMatchObject({ position: at, paused: true });
    expect(run.tracker.now()).toBe(at);
    expect(shown(run).logs).toEqual(['first']);
    run.togglePause();
    vi.advanceTimersByTime(1250);
    expect(run.view().position).toBeCloseTo(at + 1250, 0);
    expect(shown(run).logs).toEqual(['first', 'second']);
  });

  it('seeks on, and back: the mirror is rebuilt from the start up to there', () => {
    const loop = new LoopMirror();
    const run = new ReplayRun(recorded()[0]!, { speed: 1, loop });
    run.togglePause();
    run.seek(1600);
    expect(shown(run)).toEqual({ logs: ['first', 'second'], entities: ['Task-1 running', 'Future-1 pending'] });
    expect(run.tracker.snapshot().marks).toEqual([{ kind: 'blocked', start: 600, end: 900 }]);
    expect(loop.getSnapshot().series).toEqual([1]);
    const before = run.tracker;
    run.seek(250);
    expect(run.tracker).not.toBe(before);
    expect(shown(run)).toEqual({ logs: ['first'], entities: ['Task-1 running'] });
    expect(run.tracker.snapshot().marks).toEqual([]);
    expect(loop.getSnapshot().series).toEqual([]);
    expect(run.view()).toMatchObject({ position: 250, paused: true, ended: undefined });
    run.seek(Infinity);
    expect(run.view()).toMatchObject({ position: 2000.1, ended: expect.objectContaining({ status: 'ended' }) });
    run.seek(-5);
    expect(run.view().position).toBe(0);
    expect(shown(run)).toEqual({ logs: [], entities: ['Task-1 running'] });
  });

  it('plays at its speed, and a change of speed keeps the position', () => {
    const run = new ReplayRun(recorded()[0]!, { speed: 2 });
    vi.advanceTimersByTime(500);
    expect(run.view().position).toBeCloseTo(1000, 0);
    run.setSpeed(0.5);
    vi.advanceTimersByTime(400);
    expect(run.view().position).toBeCloseTo(1200, 0);
    expect(shown(run).logs).toEqual(['first']);
  });

  it('counts a recorded block while the playback is in it', () => {
    const run = new ReplayRun(recorded()[0]!, { speed: 1 });
    vi.advanceTimersByTime(500);
    expect(run.blockedSince()).toBeUndefined();
    vi.advanceTimersByTime(200);
    expect(performance.now() - run.blockedSince()!).toBeCloseTo(100, 0);
    vi.advanceTimersByTime(300);
    expect(run.blockedSince()).toBeUndefined();
  });

  it('at the end, space plays it again from the start', () => {
    const run = new ReplayRun(recorded()[0]!, { speed: 10 });
    vi.advanceTimersByTime(300);
    expect(run.view()).toMatchObject({ paused: true, position: 2000.1 });
    run.togglePause();
    expect(run.view()).toMatchObject({ paused: false, position: 0, ended: undefined });
    expect(shown(run).logs).toEqual([]);
  });

  it('in a session: the phase follows the playback, the keys move it, and 1-9 pick the recorded run', async () => {
    const runs = recorded();
    const scenarios = runs.map((r) => r.scenario);
    const session = new Session({
      scenarios,
      mode: 'replay',
      createRun: (scenario, request) => new ReplayRun(runs[scenarios.indexOf(scenario)]!, { speed: request.settings.speed, loop: request.loop }),
    });
    session.start();
    expect(session.state).toMatchObject({ mode: 'replay', phase: 'running', replay: { position: 0, paused: false } });
    session.dispatch({ command: 'seekEnd', key: 'end' });
    expect(session.state).toMatchObject({ phase: 'ended', result: { status: 'ended' }, replay: { position: 2000.1, paused: true } });
    session.dispatch({ command: 'seekBack', key: 'left' });
    expect(session.state).toMatchObject({ phase: 'running', result: undefined });
    expect(session.state.replay!.position).toBeCloseTo(1000.1, 6);
    session.dispatch({ command: 'pause', key: ' ' });
    expect(session.state.replay?.paused).toBe(false);
    session.dispatch({ command: 'faster', key: '+' });
    expect(session.state.speed).toBe(2);
    vi.advanceTimersByTime(100);
    expect(session.state.replay!.position).toBeCloseTo(1200.1, 0);
    session.dispatch({ command: 'seekStart', key: 'home' });
    expect(session.state.replay!.position).toBeLessThan(100);
    session.dispatch({ command: 'recordedRun', key: '2', index: 1 });
    await session.idle();
    expect(session.run?.scenario.id).toBe('other');
    session.dispatch({ command: 'seekEnd', key: 'end' });
    expect(session.state).toMatchObject({ phase: 'failed', result: { error: 'Error: x' } });
    await session.close();
  });
});
