import { describe, expect, it } from 'vitest';
import { Clock } from '../../src/runtime/clock.js';
import { LoopMonitor } from '../../src/runtime/loop-monitor.js';
import { Tracker } from '../../src/runtime/tracker.js';

const turn = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('LoopMonitor', () => {
  it('sees a single 100 ms blockFor as a lag of at least 90 ms, and reports the block', async () => {
    const monitor = new LoopMonitor({ heartbeatMs: 10, sampleMs: 50 });
    const blocks: number[] = [];
    monitor.onBlock((start, end) => blocks.push(end - start));
    monitor.start();
    try {
      await turn(60);
      const tracker = new Tracker();
      const measured = new Clock(tracker).blockFor(100);
      expect(measured).toBeGreaterThanOrEqual(95);
      await turn(80);
      const view = monitor.getSnapshot();
      expect(view.maxMs).toBeGreaterThanOrEqual(90);
      expect(Math.max(...view.series)).toBeGreaterThanOrEqual(90);
      expect(blocks.some((ms) => ms >= 90)).toBe(true);
      expect(tracker.snapshot().marks).toEqual([expect.objectContaining({ kind: 'blocked' })]);
    } finally {
      monitor.stop();
    }
  });

  it('shows a quiet loop as quiet, and reset() forgets the max', async () => {
    const monitor = new LoopMonitor({ heartbeatMs: 10, sampleMs: 40 });
    monitor.start();
    try {
      const start = performance.now();
      while (performance.now() - start < 70) {
        /* busy: a 70 ms block */
      }
      await turn(60);
      expect(monitor.getSnapshot().maxMs).toBeGreaterThanOrEqual(55);
      monitor.reset();
      await turn(100);
      const view = monitor.getSnapshot();
      expect(view.maxMs).toBeLessThan(55);
      expect(view.blocked).toBe(false);
      expect(view.utilization).toBeGreaterThanOrEqual(0);
      expect(view.utilization).toBeLessThan(0.9);
    } finally {
      monitor.stop();
    }
  });

  it('leaves nothing alive after stop', async () => {
    const before = process.getActiveResourcesInfo().length;
    const monitor = new LoopMonitor();
    monitor.start();
    monitor.stop();
    expect(process.getActiveResourcesInfo().length).toBe(before);
    expect(monitor.running).toBe(false);
  });
});
