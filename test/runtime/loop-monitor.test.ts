import { describe, expect, it } from 'vitest';
import { Clock } from '../../src/runtime/clock.js';
import { LoopMonitor, type LoopView } from '../../src/runtime/loop-monitor.js';
import { Tracker } from '../../src/runtime/tracker.js';

/** The monitor's next sample, as its subscribers get it (in the heartbeat that took it). */
function nextSample(monitor: LoopMonitor): Promise<LoopView> {
  return new Promise((resolve) => {
    const unsubscribe = monitor.subscribe(() => {
      unsubscribe();
      resolve(monitor.getSnapshot());
    });
  });
}

/**
 * The first of the monitor's next samples that `ok` accepts, for what a busy machine may delay by
 * a window or two; `before` runs ahead of each. Fails after ten, saying what it waited for.
 */
async function sampleUntil(monitor: LoopMonitor, ok: (view: LoopView) => boolean, what: string, before = () => {}): Promise<LoopView> {
  for (let i = 0; i < 10; i++) {
    before();
    const view = await nextSample(monitor);
    if (ok(view)) return view;
  }
  throw new Error(`no sample of ten showed ${what}`);
}

/** Keeps the thread running code, never yielding to the loop, for `ms`. */
function spin(ms: number): void {
  const start = performance.now();
  while (performance.now() - start < ms);
}

describe('LoopMonitor', () => {
  it('sees a 120 ms block of the thread as lag, keeps it in max and p99 until reset(), and reports the stretch', async () => {
    const monitor = new LoopMonitor({ heartbeatMs: 10, sampleMs: 50 });
    const stretches: { start: number; end: number }[] = [];
    monitor.onBlock((start, end) => stretches.push({ start, end }));
    monitor.start();
    try {
      // Right after a heartbeat (and a sample): the next one is due 10 ms into the block.
      const before = await nextSample(monitor);
      const tracker = new Tracker();
      const blockStart = performance.now();
      new Clock(tracker).blockFor(120);
      const blockEnd = performance.now();
      expect(blockEnd - blockStart).toBeGreaterThanOrEqual(119);
      expect(tracker.snapshot().marks).toEqual([expect.objectContaining({ kind: 'blocked' })]);

      // One stretch, from when the missed heartbeat was due (10 ms after the one before the block)
      // to when it ran (after the block, in the heartbeat that took the next sample); the lag is
      // how late it was.
      const blocked = await nextSample(monitor);
      expect(stretches).toHaveLength(1);
      const [{ start, end }] = stretches as [{ start: number; end: number }];
      expect(start).toBeLessThanOrEqual(before.sampledAt + monitor.heartbeatMs);
      expect(start).toBeGreaterThan(before.sampledAt + monitor.heartbeatMs - 1);
      expect(end).toBeGreaterThanOrEqual(blockEnd);
      expect(end).toBeLessThanOrEqual(blocked.sampledAt);
      expect(blocked.lagMs).toBeCloseTo(end - start, 6);
      expect(blocked.lagMs).toBeGreaterThanOrEqual(100);
      expect(blocked.blocked).toBe(true);
      expect(blocked.maxMs).toBeGreaterThanOrEqual(blocked.lagMs);
      expect(blocked.series.at(-1)).toBe(blocked.lagMs);

      // The loop free again: a quiet window soon (the next, unless the machine stalls us), and the
      // run's max and p99 still hold the block.
      const after = await sampleUntil(monitor, (view) => view.lagMs < monitor.blockThresholdMs, 'a quiet window');
      expect(after.blocked).toBe(false);
      expect(after.maxMs).toBeGreaterThanOrEqual(blocked.maxMs);
      // One delay in the few the histogram took since the start (every 10 ms): its p99 is the block.
      expect(after.p99Ms).toBeGreaterThanOrEqual(100);
      expect(after.series.at(-1)).toBe(after.lagMs);
      expect(after.series).toContain(blocked.lagMs);

      // reset() forgets it: the max of a window after it is that window's own.
      const fresh = await sampleUntil(monitor, (view) => view.lagMs < 20, 'a quiet window after reset()', () => monitor.reset());
      expect(fresh.maxMs).toBeLessThan(monitor.blockThresholdMs);
      expect(fresh.p99Ms).toBeLessThan(monitor.blockThresholdMs);
    } finally {
      monitor.stop();
    }
  });

  it('reads utilisation near 1 while the thread spins and near 0 while it waits', async () => {
    const monitor = new LoopMonitor({ heartbeatMs: 10, sampleMs: 100 });
    monitor.start();
    try {
      // A window that is all spin: from one sample, 150 ms of code, to the heartbeat that ends it.
      await nextSample(monitor);
      spin(150);
      const busy = await nextSample(monitor);
      expect(busy.utilization).toBeGreaterThan(0.9);
      // A window with nothing to do but the heartbeats (the first may still run what the spin held
      // up, such as the test runner's own messages).
      await sampleUntil(monitor, (view) => view.utilization < 0.1, 'a utilisation under 0.1');
    } finally {
      monitor.stop();
    }
  });

  it('shows a waiting loop as quiet: its lag is timer jitter, not the heartbeat period', async () => {
    const monitor = new LoopMonitor({ heartbeatMs: 40, sampleMs: 80 });
    monitor.start();
    try {
      const quiet = await sampleUntil(monitor, (view) => view.lagMs < monitor.heartbeatMs / 2, 'a lag under half the heartbeat period');
      expect(quiet.blocked).toBe(false);
    } finally {
      monitor.stop();
    }
  });

  it('keeps the latest `history` lags for the sparkline, oldest first', async () => {
    const monitor = new LoopMonitor({ heartbeatMs: 5, sampleMs: 10, history: 3 });
    monitor.start();
    try {
      const lags: number[] = [];
      let view: LoopView | undefined;
      for (let i = 0; i < 5; i++) {
        view = await nextSample(monitor);
        lags.push(view.lagMs);
      }
      expect(view!.series).toEqual(lags.slice(-3));
    } finally {
      monitor.stop();
    }
  });

  it('takes no sample after stop()', async () => {
    const options = { heartbeatMs: 5, sampleMs: 10 };
    const monitor = new LoopMonitor(options);
    monitor.start();
    const last = await nextSample(monitor);
    monitor.stop();
    expect(monitor.running).toBe(false);
    let samples = 0;
    monitor.subscribe(() => samples++);
    // Its timer is unref'd, so no list of active handles shows it: another monitor's samples are
    // the clock, three of them as many as the stopped one would have taken meanwhile.
    const witness = new LoopMonitor(options);
    witness.start();
    try {
      for (let i = 0; i < 3; i++) await nextSample(witness);
    } finally {
      witness.stop();
    }
    expect(samples).toBe(0);
    expect(monitor.getSnapshot()).toBe(last);
  });
});
