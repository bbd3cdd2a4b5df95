import { describe, expect, it } from 'vitest';
import { Tracker } from '../../src/runtime/tracker.js';

describe('Tracker', () => {
  it('gives sequential ids that are never reused, with kind prefixes', () => {
    const tracker = new Tracker();
    const a = tracker.add('task', 'a');
    const b = tracker.add('future', 'b');
    const c = tracker.add('coroutine', 'c', { state: 'created' });
    expect([a.id, b.id, c.id]).toEqual(['t1', 'f2', 'c3']);
  });

  it('snapshots are frozen and cached until the next change', () => {
    const tracker = new Tracker();
    const rec = tracker.add('task', 'a');
    const first = tracker.snapshot();
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.entities[0])).toBe(true);
    expect(tracker.snapshot()).toBe(first);
    tracker.setState(rec, 'running');
    const second = tracker.snapshot();
    expect(second).not.toBe(first);
    expect(first.entities[0]!.state).toBe('pending');
    expect(second.entities[0]!.state).toBe('running');
  });

  it('gives the same log and mark lists until a line or a mark is added', () => {
    const tracker = new Tracker({ logCapacity: 2 });
    const rec = tracker.add('task', 'a');
    tracker.log('stdout', 'one');
    tracker.mark('blocked', 1, 2);
    const first = tracker.snapshot();
    tracker.setState(rec, 'running');
    const second = tracker.snapshot();
    expect(second).not.toBe(first);
    expect(second.logs).toBe(first.logs);
    expect(second.marks).toBe(first.marks);
    tracker.log('stderr', 'two');
    tracker.log('stdout', 'three');
    const third = tracker.snapshot();
    expect(third.logs.map((l) => l.text)).toEqual(['two', 'three']);
    expect(third.droppedLogs).toBe(1);
    expect(first.logs.map((l) => l.text)).toEqual(['one']);
    expect(third.marks).toBe(first.marks);
    tracker.mark('paused', 3, 4);
    const fourth = tracker.snapshot();
    expect(fourth.marks.map((m) => m.kind)).toEqual(['blocked', 'paused']);
    expect(Object.isFrozen(fourth.marks) && Object.isFrozen(fourth.logs)).toBe(true);
    expect(first.marks).toHaveLength(1);
  });

  it('reuses the frozen view of entities that did not change', () => {
    const tracker = new Tracker();
    tracker.add('task', 'a');
    const b = tracker.add('task', 'b');
    const first = tracker.snapshot();
    tracker.setState(b, 'running');
    const second = tracker.snapshot();
    expect(second.entities[0]).toBe(first.entities[0]);
    expect(second.entities[1]).not.toBe(first.entities[1]);
  });

  it('a settled entity never changes again', () => {
    const tracker = new Tracker();
    const rec = tracker.add('future', 'f');
    tracker.setState(rec, 'resolved', '1');
    tracker.setState(rec, 'rejected', new Error('late'));
    expect(tracker.snapshot().entities[0]).toMatchObject({ state: 'resolved', value: '1', error: undefined });
  });

  it('folds the oldest settled entities beyond the retention limit, with exact counts', () => {
    const tracker = new Tracker({ retention: 3 });
    const recs = Array.from({ length: 10 }, (_, i) => tracker.add('task', `t${i}`));
    // Settle in a different order from creation: folding follows settle order.
    const order = [4, 0, 9, 1, 2, 7];
    for (const i of order) tracker.setState(recs[i]!, i === 9 ? 'rejected' : 'resolved', 'v');
    const snap = tracker.snapshot();
    expect(snap.folded).toBe(3);
    expect(snap.total).toBe(10);
    expect(snap.counts.resolved).toBe(5);
    expect(snap.counts.rejected).toBe(1);
    expect(snap.counts.pending).toBe(4);
    const names = snap.entities.map((e) => e.name);
    // The first three settled (4, 0, 9) are gone; every unsettled one stays.
    expect(names).toEqual(['t1', 't2', 't3', 't5', 't6', 't7', 't8']);
    expect(snap.entities.length + snap.folded).toBe(snap.total);
  });

  it('keeps a bounded log with a dropped count', () => {
    const tracker = new Tracker({ logCapacity: 100 });
    for (let i = 0; i < 1000; i++) tracker.log('stdout', `line ${i}`);
    const snap = tracker.snapshot();
    expect(snap.logs.length).toBe(100);
    expect(snap.logs.at(-1)!.text).toBe('line 999');
    expect(snap.logs[0]!.text).toBe('line 900');
    expect(snap.droppedLogs).toBe(900);
  });

  it('reads events back in order and reports those overwritten unread', () => {
    const tracker = new Tracker({ eventCapacity: 8, stateEvents: true });
    const rec = tracker.add('task', 'a');
    tracker.setState(rec, 'running');
    tracker.log('stdout', 'hello');
    const first = tracker.events(0);
    expect(first.events.map((e) => e.type)).toEqual(['state', 'state', 'log']);
    expect(first.dropped).toBe(0);
    for (let i = 0; i < 20; i++) tracker.log('stderr', `${i}`);
    const second = tracker.events(first.next);
    expect(second.dropped).toBe(12);
    expect(second.events).toHaveLength(8);
    expect(second.events.at(-1)).toMatchObject({ type: 'log', stream: 'stderr', text: '19' });
  });

  it('state events keep the state of their moment', () => {
    const tracker = new Tracker({ stateEvents: true });
    const rec = tracker.add('future', 'f');
    tracker.setState(rec, 'resolved', 42);
    const states = tracker.events(0).events.map((e) => (e.type === 'state' ? [e.entity.state, e.entity.value] : []));
    expect(states).toEqual([
      ['pending', undefined],
      ['resolved', '42'],
    ]);
  });

  it('logs no state events unless asked (a screen reads snapshots)', () => {
    const tracker = new Tracker();
    tracker.setState(tracker.add('task', 'a'), 'running');
    tracker.log('stdout', 'x');
    expect(tracker.events(0).events.map((e) => e.type)).toEqual(['log']);
  });

  it('tells listeners once per loop turn, however many changes', async () => {
    const tracker = new Tracker();
    let calls = 0;
    tracker.subscribe(() => calls++);
    for (let i = 0; i < 1000; i++) tracker.add('task', `t${i}`);
    expect(calls).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toBe(1);
  });

  it('keeps exact counts and the newest settled through thousands of settles in any order', () => {
    const tracker = new Tracker({ retention: 10 });
    const recs = Array.from({ length: 5000 }, (_, i) => tracker.add('task', `t${i}`));
    // Every 7th stays unsettled; the rest settle in a scrambled order.
    const settling = recs.map((_, i) => i).filter((i) => i % 7 !== 0);
    settling.sort((a, b) => ((a * 7919) % 5003) - ((b * 7919) % 5003));
    const states = ['resolved', 'rejected', 'cancelled'] as const;
    settling.forEach((i, k) => tracker.setState(recs[i]!, states[k % 3]!, k));
    const snap = tracker.snapshot();
    expect(snap.total).toBe(5000);
    expect(snap.folded).toBe(settling.length - 10);
    expect(snap.counts).toMatchObject({
      pending: 5000 - settling.length,
      resolved: Math.ceil(settling.length / 3),
      rejected: Math.ceil((settling.length - 1) / 3),
      cancelled: Math.ceil((settling.length - 2) / 3),
    });
    // What is kept: every unsettled one and the last 10 to settle, shown in creation order.
    const newest = new Set(settling.slice(-10));
    const kept = recs.map((_, i) => i).filter((i) => i % 7 === 0 || newest.has(i));
    expect(snap.entities.map((e) => e.name)).toEqual(kept.map((i) => `t${i}`));
    expect(tracker.unsettled()).toHaveLength(5000 - settling.length);
    // Folded ones are no longer found by id; kept ones are.
    expect(tracker.find(recs[settling[0]!]!.id)).toBeUndefined();
    expect(tracker.find(recs[settling.at(-1)!]!.id)).toBe(recs[settling.at(-1)!]);
    expect(tracker.find(recs[7]!.seq)).toBe(recs[7]);
  });

  it('keeps times in microseconds and shows them in milliseconds', () => {
    const tracker = new Tracker();
    const before = tracker.now();
    const rec = tracker.add('task', 'a');
    tracker.setState(rec, 'running');
    const spin = performance.now() + 2;
    while (performance.now() < spin);
    tracker.setState(rec, 'resolved', 1);
    const after = tracker.now();
    const view = tracker.snapshot().entities[0]!;
    expect(view.created).toBeGreaterThanOrEqual(before - 0.001);
    expect(view.started!).toBeGreaterThanOrEqual(view.created);
    expect(view.settled! - view.started!).toBeGreaterThanOrEqual(1.999);
    expect(view.settled!).toBeLessThanOrEqual(after + 0.001);
  });

  it('numbers default names per kind', () => {
    const tracker = new Tracker();
    const kinds = ['task', 'future', 'task', 'coroutine', 'future'] as const;
    const names = kinds.map((kind) => tracker.add(kind, undefined).name);
    expect(names).toEqual(['Task-1', 'Future-1', 'Task-2', 'coroutine-1', 'Future-2']);
  });
});
