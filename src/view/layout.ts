/** The smallest terminal the dashboard draws in; a smaller one gets a one-line notice. */
const MIN_COLUMNS = 80;
const MIN_ROWS = 24;

/** Sizes of every panel for one terminal size; heights include each panel's borders. */
export interface Layout {
  readonly width: number;
  /** Height of the whole frame: one row less than the terminal (a frame as tall as the terminal makes Ink clear the screen on every paint). */
  readonly height: number;
  /** `explain` is non-zero when the explanation takes the code's place (a tour on a narrow terminal). */
  readonly top: { readonly height: number; readonly code: number; readonly explain: number; readonly tasks: number };
  readonly timeline: number;
  readonly bottom: { readonly height: number; readonly loop: number; readonly console: number; readonly explain: number };
  /** Rows the views shown in place of the panels have: the help, the whole console, the explanation. */
  readonly body: number;
}

const HEADER = 1;
const FOOTER = 2;

/**
 * Panel sizes for a terminal, or undefined when it is smaller than 80x24. On a tour the
 * explanation is always on screen: where the terminal is too narrow for its own panel, it takes
 * the code's place (and half the width), since a tour leaves no time to read the code.
 */
export function layoutFor(columns: number, rows: number, tour = false): Layout | undefined {
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) return undefined;
  const height = rows - 1;
  const body = height - HEADER - FOOTER;
  const top = Math.max(8, Math.round(body * 0.42));
  const timeline = Math.max(7, Math.round(body * 0.33));
  const bottom = body - top - timeline;
  const code = Math.floor(columns * 0.42);
  const loop = Math.min(40, Math.max(30, Math.floor(columns * 0.28)));
  // The explanation gets its own panel once there is room for it beside a readable console.
  const explain = columns >= 120 ? Math.floor((columns - loop) / 2) : 0;
  const topExplain = tour && explain === 0 ? Math.floor(columns / 2) : 0;
  return {
    width: columns,
    height,
    top: topExplain > 0 ? { height: top, code: 0, explain: topExplain, tasks: columns - topExplain } : { height: top, code, explain: 0, tasks: columns - code },
    timeline,
    bottom: { height: bottom, loop, console: columns - loop - explain, explain },
    body,
  };
}
