import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { AgentProcess } from '../../src/observer/agent-process.js';
import { RunClient } from '../../src/observer/run-client.js';
import { LoopMirror } from '../../src/observer/run-handle.js';
import { settingsWith } from '../../src/settings.js';
import type { StreamEvent } from '../../src/stream/events.js';
import { FIXTURE_SCENARIO } from '../components/fixtures.js';

/** A run's process that says only what the test makes it say. */
class ScriptedProcess extends EventEmitter {
  lastHeard = performance.now();
  send(): void {}
  onRaw(): void {}
  signalGroup(): void {}
  async end(): Promise<void> {}
  say(event: StreamEvent): void {
    this.emit('event', event);
  }
}

describe('the loop gauge of a run', () => {
  it('hears a run until it is asked to stop: its later blocks and lag are not the next run’s', () => {
    const loop = new LoopMirror();
    const blocks: number[] = [];
    loop.onBlock((start, end) => blocks.push(end - start));
    const process = new ScriptedProcess();
    const client = new RunClient({ scenario: FIXTURE_SCENARIO, settings: settingsWith(), output: 'capture', process: process as unknown as AgentProcess, loop });
    process.say({ kind: 'mark', mark: 'blocked', start: 10, end: 110 });
    process.say({ kind: 'loop', t: 120, lagMs: 100, p99Ms: 100, maxMs: 100, utilization: 1, blocked: true });
    // Times are moved onto this process's clock (plus its performance.now() at the run's start).
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toBeCloseTo(100, 6);
    expect(loop.getSnapshot().blocked).toBe(true);
    // Another scenario takes the screen: this run stops on its own time, and may still report.
    void client.stop('switched');
    loop.reset();
    process.say({ kind: 'mark', mark: 'blocked', start: 200, end: 1162 });
    process.say({ kind: 'loop', t: 1170, lagMs: 962, p99Ms: 962, maxMs: 962, utilization: 1, blocked: true });
    expect(blocks).toHaveLength(1);
    expect(loop.getSnapshot().blocked).toBe(false);
    // The run itself still keeps what it was told.
    expect(client.tracker.snapshot().marks).toHaveLength(2);
  });
});
