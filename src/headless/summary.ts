import { localize } from '../scenario.js';
import type { Lang } from '../settings.js';
import { roundMs } from '../stream/json-lines.js';
import type { RunEnd, ScenarioInfo } from '../stream/events.js';
import { summarize } from '../text/format.js';
import { strings } from '../view/i18n.js';

/** The line before each scenario's transcript when there are several (`--all`). */
export function titleLine(scenario: ScenarioInfo, lang: Lang): string {
  return `\n== ${scenario.id}: ${localize(scenario.title, lang)} ==\n`;
}

/**
 * The transcript's last line, on stderr: how the run ended, in how long, what it made and left.
 * The time is the end line's (to 0.1 ms, then whole): a replay of the line says the same.
 */
export function summaryLine(scenario: string, result: RunEnd, lang: Lang): string {
  const s = strings(lang);
  const mark = result.ok ? '✓' : '✗';
  const alive = result.leaks.length ? s.leftAlive(summarize(result.leaks)) : s.nothingLeft;
  return `${mark} ${s.transcriptEnd(scenario, result.status, result.error, Math.round(roundMs(result.wallMs)), result.total)} · ${alive}\n`;
}
