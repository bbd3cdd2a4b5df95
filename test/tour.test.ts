import { settingsWith } from '../src/settings.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunResult } from '../src/agent/runner.js';
import type { RunRequest } from '../src/observer/run-handle.js';
import type { ScenarioInfo } from '../src/stream/events.js';
import { localRuns } from './helpers/local-run.js';
import type { LoadedScenario } from '../src/scenario.js';
import { Session } from '../src/dashboard/session.js';
import { Tour } from '../src/dashboard/tour.js';
import { scenarioOf } from './helpers/run-scenario.js';

const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

/** A session that notes each run: its scenario, whether it could wait for a person, how it ended. */
function touring(scenarios: LoadedScenario[], initial = 0) {
  const runs: { id: string; interactive: boolean | undefined; result?: RunResult }[] = [];
  const make = localRuns();
  const createRun = (scenario: ScenarioInfo, request: RunRequest) => {
    const run = make(scenario, request);
    const entry: (typeof runs)[number] = { id: scenario.id, interactive: request.settings.interactive };
    runs.push(entry);
    void run.done.then((result) => (entry.result = result));
    return run;
  };
  const session = new Session({ scenarios, initial, settings: settingsWith({ interactive: false }), createRun });
  sessions.push(session);
  return { session, runs };
}

const quick = scenarioOf(async (ctx) => {
  await ctx.sleep(10);
}, 'quick');
const slow = scenarioOf(async (ctx) => {
  await ctx.sleep(60_000);
}, 'slow');
/** Waits for a person when there is one; settles by itself otherwise. */
const asks = scenarioOf(async (ctx) => {
  if (ctx.interactive) await ctx.createFuture('answer');
  else await ctx.sleep(5);
}, 'asks');

describe('Tour', () => {
  it('shows each scenario in key order for the same time, from the first shown, then ends once', async () => {
    const { session, runs } = touring([quick, slow, asks, quick], 1);
    let ends = 0;
    let endedAt = 0;
    const done = new Promise<void>((resolve) => {
      const tour = new Tour(session, 0.25, () => {
        ends++;
        endedAt = performance.now();
        resolve();
      });
      // The screen is laid out for the tour from its first frame.
      expect(session.state.tour?.ms).toBe(250);
      session.start();
      tour.start();
    });
    const start = performance.now();
    await done;
    expect(runs.map((r) => r.id)).toEqual(['slow', 'asks', 'quick']);
    // Three scenarios of 250 ms each (and the switches between them).
    expect(endedAt - start).toBeGreaterThanOrEqual(3 * 250 - 20);
    expect(endedAt - start).toBeLessThan(3 * 250 + 1500);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(ends).toBe(1);
    // The run still going when its time was up was stopped; the others ended by themselves,
    // the one that asks for a person too, since a tour has none.
    await session.idle();
    expect(runs[0]!.result?.status).toBe('stopped');
    expect(runs[1]!.result?.status).toBe('ended');
    expect(runs.every((r) => r.interactive === false)).toBe(true);
  });

  it('restarts the time of a scenario a person switches to', async () => {
    const { session, runs } = touring([slow, quick, slow]);
    let endedAt = 0;
    const done = new Promise<void>((resolve) => {
      const tour = new Tour(session, 0.3, () => {
        endedAt = performance.now();
        resolve();
      });
      session.start();
      tour.start();
    });
    // A person watches the first for half its time, then switches.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const switched = performance.now();
    session.select(2);
    await done;
    expect(runs.map((r) => r.id)).toEqual(['slow', 'slow']);
    // The full 300 ms on the one chosen by key, counted from the switch (150 ms after the start, or later).
    expect(endedAt - switched).toBeGreaterThanOrEqual(300 - 20);
  });
});
