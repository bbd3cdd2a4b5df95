/** Milliseconds in at most 5 characters: `0.4ms`, `42ms`, `1.25s`, `12.5s`, `2m05s`, `14m`, `1h01m`, `12h`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  if (ms < 9.95) return `${ms.toFixed(1)}ms`;
  if (ms < 999.5) return `${Math.round(ms)}ms`;
  if (ms < 9995) return `${(ms / 1000).toFixed(2)}s`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 600) return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  if (minutes < 600) return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
  return `${Math.round(minutes / 60)}h`;
}

/** A speed factor as people say it: `1`, `0.5`, `2.5`. */
export function formatSpeed(speed: number): string {
  return String(Math.round(speed * 100) / 100);
}

/** Eight levels of a cell, lowest first: bar charts and the timeline's group lanes draw with them. */
export const BARS = '▁▂▃▄▅▆▇█';

/**
 * The newest `width` values as a bar chart `rows` high, top row first; each cell has 8 levels.
 * Heights are relative to `ceiling` (at least the largest value shown), so one long block stands
 * tall against a calm loop. The bottom row always shows a floor, so an idle loop reads as ▁▁▁.
 */
export function barChart(values: readonly number[], width: number, rows: number, ceiling = 0): string[] {
  const shown = values.slice(-width);
  const top = Math.max(ceiling, ...shown, 1e-9);
  const levels = rows * BARS.length;
  const heights = shown.map((v) => Math.max(1, Math.round((v / top) * levels)));
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    const base = (rows - 1 - r) * BARS.length;
    let line = '';
    for (const h of heights) {
      const fill = Math.min(BARS.length, h - base);
      line += fill > 0 ? BARS[fill - 1] : ' ';
    }
    out.push(line.padStart(width, ' '));
  }
  return out;
}

/** Cuts text to `width` columns with an ellipsis; assumes one column per character. */
export function clip(text: string, width: number): string {
  if (width <= 0) return '';
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

/** One line: newlines and tabs would break a row, so they become visible marks and spaces. */
export function oneLine(text: string): string {
  return text.replace(/\r?\n/g, ' ⏎ ').replace(/\t/g, '  ');
}

/** Numbers with long fractions cut after 3 decimals, with a mark that they were: `1726.376…` (a cell, not the value). */
export function cutFractions(text: string): string {
  return text.replace(/(\d\.\d{3})\d{2,}/g, '$1…');
}

/**
 * Text in lines of at most `width` characters, broken at spaces where it can be and inside
 * words longer than a line; its own line breaks stay.
 */
export function wrapLines(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\t/g, '  ').split(/\r?\n/)) {
    let rest = paragraph;
    while (rest.length > width) {
      const space = rest.lastIndexOf(' ', width);
      const cut = space > 0 ? space : width;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(space > 0 ? cut + 1 : cut);
    }
    lines.push(rest);
  }
  return lines;
}

/** `['Timeout', 'Timeout', 'TCPServerWrap']` as `2 Timeout, 1 TCPServerWrap`. */
export function summarize(leaks: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const type of leaks) counts.set(type, (counts.get(type) ?? 0) + 1);
  return [...counts].map(([type, n]) => `${n} ${type}`).join(', ');
}
