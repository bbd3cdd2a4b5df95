import { readFileSync } from 'node:fs';
import { packageFile } from '../src/paths.js';
import type { LoadedScenario, Scenario } from '../src/scenario.js';
import seed from './seed.js';
import syncVsAsync from './sync-vs-async.js';
import futures from './futures.js';
import coroutines from './coroutines.js';
import tasks from './tasks.js';
import eventLoop from './event-loop.js';
import concurrency from './concurrency.js';
import cpuAsync from './cpu-async.js';
import threads from './threads.js';
import processes from './processes.js';
import ioBound from './io-bound.js';
import queue from './queue.js';
import rushHour from './rush-hour.js';

/** Built-in scenarios in key order: key 1 is the first. */
export const SCENARIOS: readonly Scenario[] = [
  seed,
  syncVsAsync,
  futures,
  coroutines,
  tasks,
  eventLoop,
  concurrency,
  cpuAsync,
  threads,
  processes,
  ioBound,
  queue,
  rushHour,
];

const loaded = new Map<string, LoadedScenario>();

/** A built-in scenario with its TypeScript source (read from the package's scenarios/). */
export function loadBuiltin(scenario: Scenario): LoadedScenario {
  let found = loaded.get(scenario.id);
  if (!found) {
    let source: string;
    try {
      source = readFileSync(packageFile(`scenarios/${scenario.id}.ts`), 'utf8');
    } catch {
      source = scenario.run.toString();
    }
    found = { ...scenario, source };
    loaded.set(scenario.id, found);
  }
  return found;
}

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
