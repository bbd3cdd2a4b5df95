import { settingsWith } from '../../src/settings.js';
import { expect, test } from 'vitest';
import { loadBuiltin } from '../../scenarios/index.js';
import rushHour from '../../scenarios/rush-hour.js';
import { Run } from '../../src/agent/runner.js';
import { Session } from '../../src/dashboard/session.js';
import { isSettled } from '../../src/runtime/states.js';
import { cli } from '../helpers/cli.js';
import { scenarioOf } from '../helpers/run-scenario.js';
import { expectStepsMapped, measured, waitUntil } from '../helpers/scenario-checks.js';
import { localRuns } from '../helpers/local-run.js';

/** Runs rush hour headless with `scale` cars, checking the retention bound at every notification. */
async function rush(scale?: number) {
  const run = new Run(loadBuiltin(rushHour), { settings: settingsWith({ scale }) }).start();
  let notifications = 0;
  let worst = 0;
  const unsubscribe = run.tracker.subscribe(() => {
    notifications++;
    const snap = run.tracker.snapshot();
    worst = Math.max(worst, snap.entities.filter((e) => isSettled(e.state)).length);
    expect(snap.entities.length + snap.folded).toBe(snap.total);
  });
  const result = await run.done;
  unsubscribe();
  const out = run.tracker.events(0).events.flatMap((e) => (e.type === 'log' && e.stream === 'stdout' ? [e.text] : []));
  return { run, result, out, snap: run.tracker.snapshot(), notifications, worstSettledRetained: worst };
}

/** The per-state counts of the cars, from the summary line. */
function summary(out: readonly string[]) {
  const line = out.find((l) => l.startsWith('all '));
  const match = /^all ([\d,]+) settled: ([\d,]+) resolved, ([\d,]+) rejected, ([\d,]+) cancelled$/.exec(line ?? '');
  expect(match, `a summary line in:\n${out.join('\n')}`).not.toBeNull();
  const [total, resolved, rejected, cancelled] = match!.slice(1).map((n) => Number(n.replace(/,/g, '')));
  return { total: total!, resolved: resolved!, rejected: rejected!, cancelled: cancelled! };
}

test('10,000 tasks with random sleeps: counts add up, a few fail, a few are cancelled mid-drive, memory stays bounded', async () => {
  const { run, result, out, snap, notifications, worstSettledRetained } = await rush();
  expect(result.ok).toBe(true);
  expect(result.leaks).toEqual([]);

  expect(out[0]).toBe('rush hour: 10,000 cars, each driving 50-2000 ms (seeded: the same rush hour every run)');
  expect(out[1]).toMatch(/^arrived in waves of 1,000, one loop turn apart: creating the tasks took \d+ ms of the loop$/);
  expect(out[2]).toMatch(/^supervisor: turned back \d+ chosen cars mid-drive(; \d+ had already arrived)?$/);
  expect(out[4]).toMatch(/^wall [\d,]+ ms for 10,000 tasks: [\d,]+ tasks\/s; the longest drive alone takes 2,000 ms$/);
  expect(out).toHaveLength(5);

  const cars = summary(out);
  expect(cars.total).toBe(10_000);
  expect(cars.resolved + cars.rejected + cars.cancelled).toBe(10_000);
  // About 1% each: some, and far from many.
  for (const few of [cars.rejected, cars.cancelled]) {
    expect(few).toBeGreaterThan(10);
    expect(few).toBeLessThan(300);
  }
  expect(cars.cancelled).toBe(measured(out, /^supervisor: turned back (\d+) chosen cars/));

  // The tracker agrees: the cars plus main, the supervisor and the gather, every one counted once.
  expect(snap.total).toBe(10_003);
  expect(snap.counts.resolved).toBe(cars.resolved + 3);
  expect(snap.counts.rejected).toBe(cars.rejected);
  expect(snap.counts.cancelled).toBe(cars.cancelled);
  expect(snap.folded + snap.entities.length).toBe(snap.total);
  // Retention: never more settled entities kept than the limit; at the end, exactly the newest.
  expect(notifications).toBeGreaterThan(1);
  expect(worstSettledRetained).toBeLessThanOrEqual(run.tracker.retention);
  expect(snap.entities).toHaveLength(run.tracker.retention);
  expect(snap.folded).toBe(10_003 - run.tracker.retention);

  // The drives overlapped: one after another they would take hours.
  expect(measured(out.map((l) => l.replace(/,/g, '')), /^wall (\d+) ms/)).toBeLessThan(10_000);
  expectStepsMapped(loadBuiltin(rushHour), run);
});

test('--scale sets how many tasks it starts, from the command line through the run', () => {
  const { code, stdout } = cli(['--headless', '-s', 'rush-hour', '--scale', '100k']);
  expect(code).toBe(0);
  const lines = stdout.trim().split('\n');
  expect(lines[0]).toBe('rush hour: 100,000 cars, each driving 50-2000 ms (seeded: the same rush hour every run)');
  const cars = summary(lines);
  expect(cars.total).toBe(100_000);
  expect(cars.resolved + cars.rejected + cars.cancelled).toBe(100_000);
});

test('the dashboard hands --scale to every run it starts', async () => {
  const seen: number[] = [];
  const probe = scenarioOf(async (ctx) => {
    seen.push(ctx.scale);
  }, 'probe');
  const session = new Session({ scenarios: [probe], settings: settingsWith({ scale: 100_000, interactive: true }), createRun: localRuns() });
  session.start();
  try {
    await waitUntil(() => (seen.length === 1 ? seen : undefined), 5000);
    session.dispatch({ command: 'rerun', key: 'r' });
    await waitUntil(() => (seen.length === 2 ? seen : undefined), 5000);
    expect(seen).toEqual([100_000, 100_000]);
  } finally {
    await session.close();
  }
});
