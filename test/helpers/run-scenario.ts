import { Run, type RunOptions, type RunResult } from '../../src/agent/runner.js';
import type { Snapshot } from '../../src/runtime/tracker.js';
import type { LoadedScenario, Scenario } from '../../src/scenario.js';

export interface Outcome {
  readonly result: RunResult;
  readonly snap: Snapshot;
  /** Captured stdout lines, in order. */
  readonly out: string[];
  /** Captured stderr lines, in order. */
  readonly err: string[];
  readonly run: Run;
}

/** Runs a scenario headless to its end and returns what happened. */
export async function runScenario(scenario: Scenario | LoadedScenario, options: RunOptions = {}): Promise<Outcome> {
  const loaded: LoadedScenario = 'source' in scenario ? scenario : { ...scenario, source: scenario.run.toString() };
  const run = new Run(loaded, options).start();
  const result = await run.done;
  const snap = run.tracker.snapshot();
  const out: string[] = [];
  const err: string[] = [];
  for (const event of run.tracker.events(0).events) {
    if (event.type === 'log') (event.stream === 'stdout' ? out : err).push(event.text);
  }
  return { result, snap, out, err, run };
}

/** A scenario made of just a run function, for tests. */
export function scenarioOf(run: Scenario['run'], id = 'test'): LoadedScenario {
  return { id, title: id, summary: { en: id, es: id }, explain: { en: [], es: [] }, run, source: run.toString() };
}
