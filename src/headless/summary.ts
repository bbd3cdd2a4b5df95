import { localize } from '../scenario.js';
import type { Lang } from '../settings.js';
import { roundMs } from '../stream/json-lines.js';
import type { RunEnd, ScenarioInfo } from '../stream/events.js';
import { summarize } from '../text/format.js';

/** The line before each scenario's transcript when there are several (`--all`). */
export function titleLine(scenario: ScenarioInfo, lang: Lang): string {
  return `\n== ${scenario.id}: ${localize(scenario.title, lang)} ==\n`;
}

/**
 * The transcript's last line, on stderr: how the run ended, in how long, what it made and left.
 * The time is the end line's (to 0.1 ms, then whole): a replay of the line says the same.
 */
export function summaryLine(scenario: string, result: RunEnd): string {
  const mark = result.ok ? '✓' : '✗';
  const what = result.error ? `failed: ${result.error}` : result.status;
  const alive = result.leaks.length ? `left alive: ${summarize(result.leaks)}` : 'nothing left alive';
  return `${mark} ${scenario} ${what} in ${Math.round(roundMs(result.wallMs))} ms · ${result.total} entities · ${alive}\n`;
}
