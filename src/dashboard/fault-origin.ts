import { inspect } from 'node:util';
import { pathToFileURL } from 'node:url';
import { errorText } from '../runtime/errors.js';
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

/**
 * The --file scenario an uncaught value, thrown when no run was there to take it, belongs to; or
 * undefined when it is loopscope's own (a bug). An Error goes by its stack (scenarioThatThrew).
 * Anything else ('boom', 42, {}) has no stack, but loopscope's code, like Node's, throws and
 * rejects with Error objects only: once a --file module is loaded into the process, a thrown
 * value that is not an Error can only be that program's.
 */
export function lateFaultOwner(thrown: unknown, scenarios: readonly LoadedScenario[]): LoadedScenario | undefined {
  if (thrown instanceof Error) return scenarioThatThrew(thrown, scenarios);
  return scenarios.find((s) => s.file !== undefined);
}

/**
 * An uncaught value as the console panel shows it: an Error by its name and message, anything
 * else as the code wrote it ('boom', 42, {}), the way Node's REPL shows an uncaught value.
 */
export function thrownText(thrown: unknown): string {
  return thrown instanceof Error ? errorText(thrown) : inspect(thrown, { breakLength: Infinity, depth: 1 });
}
