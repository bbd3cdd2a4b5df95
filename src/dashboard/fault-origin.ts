import { pathToFileURL } from 'node:url';
import type { LoadedScenario } from '../scenario.js';

/**
 * The --file scenario whose module threw `error`, judged by its stack naming the file (as a path,
 * or as the file URL the module was loaded from). An error with no such frame (ours, or code the
 * scenario made with eval) cannot be told from loopscope's own, and gets undefined.
 */
export function scenarioThatThrew(error: unknown, scenarios: readonly LoadedScenario[]): LoadedScenario | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  if (!stack) return undefined;
  return scenarios.find((s) => s.file !== undefined && (stack.includes(pathToFileURL(s.file).href) || stack.includes(s.file)));
}
