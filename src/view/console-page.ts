import type { LogLine } from '../runtime/tracker.js';

/**
 * Where the whole console's page starts while scrolled back: a line, counted from the run's
 * first (lines dropped from the front included, so that a kept place stays put as they go), and
 * a row of that line once wrapped.
 */
export interface ConsoleAnchor {
  readonly line: number;
  readonly row: number;
}

/** What the console keeps: its newest lines, after `dropped` older ones. */
export interface ConsoleLines {
  readonly logs: readonly LogLine[];
  readonly dropped: number;
}

/** One row of the page: a piece of a line at most the page's width. */
export interface ConsoleRow {
  readonly text: string;
  readonly stderr: boolean;
  /** The line it belongs to, counted as ConsoleAnchor counts. */
  readonly line: number;
}

export interface ConsolePage {
  readonly rows: readonly ConsoleRow[];
  /** The first and the last line shown (counted as ConsoleAnchor counts), and every line printed. */
  readonly first: number;
  readonly last: number;
  readonly total: number;
  /** The page ends with the newest line: new lines will show as they come. */
  readonly following: boolean;
}

/** A line as rows of at most `width` characters: its own line breaks kept, tabs as two spaces. */
export function lineRows(text: string, width: number): string[] {
  const rows: string[] = [];
  for (const part of text.replace(/\t/g, '  ').split(/\r?\n/)) {
    const chars = [...part];
    if (chars.length === 0) rows.push('');
    for (let i = 0; i < chars.length; i += width) rows.push(chars.slice(i, i + width).join(''));
  }
  return rows;
}

function rowCount(kept: ConsoleLines, line: number, width: number): number {
  return lineRows(kept.logs[line - kept.dropped]!.text, width).length;
}

const before = (a: ConsoleAnchor, b: ConsoleAnchor) => a.line < b.line || (a.line === b.line && a.row < b.row);

/** Where the last page starts: the newest `height` rows (the first line when all of them fit). */
function lastPageStart(kept: ConsoleLines, width: number, height: number): ConsoleAnchor {
  let rows = 0;
  for (let line = kept.dropped + kept.logs.length - 1; line >= kept.dropped; line--) {
    rows += rowCount(kept, line, width);
    if (rows >= height) return { line, row: rows - height };
  }
  return { line: kept.dropped, row: 0 };
}

/** The page's real start: `from` within the kept lines and no later than the `last` page. */
function pageStart(kept: ConsoleLines, from: ConsoleAnchor | undefined, last: ConsoleAnchor, width: number): ConsoleAnchor {
  if (!from || !before(from, last)) return last;
  if (from.line < kept.dropped) return { line: kept.dropped, row: 0 };
  return { line: from.line, row: Math.min(from.row, rowCount(kept, from.line, width) - 1) };
}

/** The rows of the console `width` wide and `height` tall, from `from` (undefined: the newest). */
export function consolePage(kept: ConsoleLines, from: ConsoleAnchor | undefined, width: number, height: number): ConsolePage {
  const total = kept.dropped + kept.logs.length;
  const lastStart = lastPageStart(kept, width, height);
  const start = pageStart(kept, from, lastStart, width);
  const rows: ConsoleRow[] = [];
  for (let line = start.line; line < total && rows.length < height; line++) {
    const { text, stream } = kept.logs[line - kept.dropped]!;
    const pieces = lineRows(text, width).slice(line === start.line ? start.row : 0);
    for (const piece of pieces.slice(0, height - rows.length)) rows.push({ text: piece, stderr: stream === 'stderr', line });
  }
  return { rows, first: start.line, last: rows.at(-1)?.line ?? start.line, total, following: !before(start, lastStart) };
}

/**
 * The start of the page `delta` rows further down (negative: up) from `from`, within the kept
 * lines; undefined once it reaches the last page, which then follows the newest line.
 */
export function scrollConsole(kept: ConsoleLines, from: ConsoleAnchor | undefined, delta: number, width: number, height: number): ConsoleAnchor | undefined {
  const last = lastPageStart(kept, width, height);
  let { line, row } = pageStart(kept, from, last, width);
  let left = delta;
  while (left < 0 && (line > kept.dropped || row > 0)) {
    if (row >= -left || line === kept.dropped) {
      row = Math.max(0, row + left);
      left = 0;
    } else {
      left += row + 1;
      line -= 1;
      row = rowCount(kept, line, width) - 1;
    }
  }
  while (left > 0 && before({ line, row }, last)) {
    const rest = rowCount(kept, line, width) - 1 - row;
    if (rest >= left) {
      row += left;
      left = 0;
    } else {
      left -= rest + 1;
      line += 1;
      row = 0;
    }
  }
  const next = { line, row };
  return before(next, last) ? next : undefined;
}
