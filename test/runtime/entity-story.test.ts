import { describe, expect, it } from 'vitest';
import { Runtime } from '../../src/runtime/runtime.js';
import { Tracker, type EntityRecord, type TrackerSink } from '../../src/runtime/tracker.js';

/** A sink that keeps what the tracker tells a watcher beyond states: awaits and warnings. */
function listening(): { sink: TrackerSink; told: string[] } {
  const told: string[] = [];
  const sink: TrackerSink = {
    entity: () => undefined,
    state: () => undefined,
    named: () => undefined,
    log: () => undefined,
    step: () => undefined,
    mark: () => undefined,
    tally: () => undefined,
    awaiting: (rec, target) => told.push(`${rec.name} awaits ${target.name}`),
    warn: (rec, warning) => told.push(`${rec.name} ${warning}`),
    site: (rec, site) => told.push(`${rec.name} made at ${site}`),
  };
  return { sink, told };
}

describe("an entity's story", () => {
  it('keeps each state change with its time, and the busy and waiting totals, when asked to', () => {
    const tracker = new Tracker({ history: true });
    const rec = tracker.mirrorEntity(1, 'task', 1, 'pending', 0, undefined, undefined);
    tracker.mirrorState(rec, 'running', 1_000);
    tracker.mirrorState(rec, 'waiting', 4_000);
    tracker.mirrorState(rec, 'running', 10_000);
    tracker.mirrorState(rec, 'resolved', 12_000, 'None');
    const h = rec.toView().history!;
    expect(h.pairs.slice(0, h.length)).toEqual([0, 1, 1_000, 2, 4_000, 3, 10_000, 2, 12_000, 4]);
    expect(h.busyUs).toBe(5_000);
    expect(h.waitUs).toBe(6_000);
  });

  it('folds the middle of a long history and still counts every stretch in the totals', () => {
    const tracker = new Tracker({ history: true });
    const rec = tracker.mirrorEntity(1, 'task', 1, 'pending', 0, undefined, undefined);
    const early = rec.toView();
    for (let i = 1; i <= 1000; i++) tracker.mirrorState(rec, i % 2 ? 'running' : 'waiting', i * 10);
    const h = rec.toView().history!;
    expect(h.length).toBeLessThanOrEqual(512);
    expect(h.folded * 2 + h.length).toBe(2 * 1001);
    expect(h.pairs.slice(0, 2)).toEqual([0, 1]);
    expect(h.pairs[h.length - 2]).toBe(10_000);
    expect(h.busyUs + h.waitUs).toBe(9_990);
    // A view taken before is unchanged: it holds the array it saw, up to its length.
    expect(early.history!.pairs.slice(0, early.history!.length)).toEqual([0, 1]);
  });

  it('keeps no history by default (the run side), so a change costs nothing more', () => {
    const tracker = new Tracker();
    const rec = tracker.add('task', 'x');
    tracker.setState(rec, 'running');
    expect(rec.toView().history).toBeUndefined();
    expect(rec.more).toBeUndefined();
  });

  it('says what a task awaits while it waits, and forgets it when it runs again', async () => {
    const { sink, told } = listening();
    const rt = new Runtime(new Tracker({ sink }));
    const order = rt.createFuture<string>('order');
    const task = rt.createTask('customer', async () => {
      return await order;
    });
    await rt.clock.sleep(1);
    expect(task.record.toView().awaiting).toBe(order.record.id);
    expect(told).toContain('customer awaits order');
    order.setResult('burger');
    await task;
    expect(task.record.toView().awaiting).toBeUndefined();
  });

  it('warns of a step that held the thread over 50 ms, with its length', async () => {
    const { sink, told } = listening();
    const rt = new Runtime(new Tracker({ sink }));
    const task = rt.createTask('spinner', async () => {
      const end = performance.now() + 70;
      while (performance.now() < end);
    });
    await task;
    const view = task.record.toView();
    expect(view.warnings).toEqual(['blocked']);
    expect(view.blockedMs).toBeGreaterThanOrEqual(70);
    expect(told).toContain('spinner blocked');
  });

  it('does not warn of short steps', async () => {
    const rt = new Runtime(new Tracker({ sink: listening().sink }));
    const task = rt.createTask('quick', async () => {
      await rt.clock.sleep(1);
    });
    await task;
    expect(task.record.toView().warnings).toEqual([]);
  });

  it('looks up where the first entities were made, up to its budget', () => {
    const { sink, told } = listening();
    const tracker = new Tracker({ sink, sites: 1 });
    const rt = new Runtime(tracker);
    function make(): { record: EntityRecord } {
      return tracker.noteSite(rt.createFuture('first'), make);
    }
    const first = make();
    const second = tracker.noteSite(rt.createFuture('second'), make);
    expect(first.record.toView().site).toMatch(/entity-story\.test\.ts:\d+:\d+$/);
    expect(second.record.toView().site).toBeUndefined();
    expect(told.filter((t) => t.includes('made at'))).toHaveLength(1);
  });
});
