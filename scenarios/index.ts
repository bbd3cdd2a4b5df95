import { readFileSync } from 'node:fs';
import type { LoadedScenario, Scenario } from '../src/scenario.js';
import seed from './seed.js';

/** Built-in scenarios in key order: key 1 is the first. */
export const SCENARIOS: readonly Scenario[] = [seed];

const loaded = new Map<string, LoadedScenario>();

/** A built-in scenario with its TypeScript source (read from scenarios/, beside src/ and dist/). */
export function loadBuiltin(scenario: Scenario): LoadedScenario {
  let found = loaded.get(scenario.id);
  if (!found) {
    let source: string;
    try {
      source = readFileSync(new URL(`../scenarios/${scenario.id}.ts`, import.meta.url), 'utf8');
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
