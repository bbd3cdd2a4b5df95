import type { Ctx } from './agent/context.js';
import type { Lang } from './settings.js';

/** Text in both languages. */
export type Localized<T = string> = { readonly en: T; readonly es: T };

/** A scenario module's default export (DESIGN §3). */
export interface Scenario {
  /** Stable, kebab-case; used by --scenario. */
  readonly id: string;
  readonly title: string | Localized;
  /** One line each. */
  readonly summary: Localized;
  /** A few short lines for the explain panel. */
  readonly explain: Localized<readonly string[]>;
  /** The asyncio code this mirrors; a line ending in `# step: <label>` is where that step is. */
  readonly python?: string;
  run(ctx: Ctx): Promise<void> | void;
}

/** A scenario ready to run: with its source text, for the code panel and step lines. */
export interface LoadedScenario extends Scenario {
  readonly source: string;
  /** The module's absolute path, for a scenario loaded with --file. */
  readonly file?: string;
}

export function defineScenario<S extends Scenario>(scenario: S): S {
  return scenario;
}

export function localize<T>(text: T | Localized<T>, lang: Lang): T {
  if (typeof text === 'object' && text !== null && 'en' in text && 'es' in text) return (text as Localized<T>)[lang];
  return text as T;
}

/** Line numbers (1-based) of each `step('label')` in a source text. */
export function stepLines(source: string, marker: RegExp = /\bstep\(\s*(['"`])(.*?)\1/): Map<string, number> {
  const lines = new Map<string, number>();
  source.split('\n').forEach((line, i) => {
    const match = marker.exec(line);
    if (match && !lines.has(match[2]!)) lines.set(match[2]!, i + 1);
  });
  return lines;
}

/** Line numbers of `# step: <label>` markers in Python source. */
export function pythonStepLines(python: string): Map<string, number> {
  return stepLines(python, /#\s*step:\s*()(.+?)\s*$/);
}
