import { withWrite, writeTo } from '../record/stream-with-write.js';

const ESC = '\u001B[';
/** Ink's erase of the lines it drew last time (ansi-escapes' eraseLines): erase, up, …, erase, column 1. */
const ERASE_LINES = /^(?:\u001B\[2K\u001B\[1A)*\u001B\[2K\u001B\[G/;
/** Any escape sequence but colours and text attributes (SGR). */
const NOT_SGR = /\u001B(?!\[[0-9;]*m)/;
/** Modes that leave the text on screen as it is: cursor shown or hidden, synchronised output. */
const MODES_ONLY = /^(?:\u001B\[\?[0-9;]*[hl])+$/;
const SGR = /\u001B\[[0-9;]*m/g;

function eraseLines(count: number): string {
  return count > 0 ? `${`${ESC}2K${ESC}1A`.repeat(count - 1)}${ESC}2K${ESC}G` : '';
}

/** A stream that sends repaints as line updates, and the way to stop following the terminal's resizes. */
export interface LineUpdates {
  readonly stream: NodeJS.WriteStream;
  stop(): void;
}

/**
 * The stream to give Ink instead of `stream`: the same terminal, with every repaint sent as the
 * lines that changed rather than the whole frame.
 *
 * Ink 6 repaints by erasing every line it drew and writing the whole frame again, however little
 * changed (its `incrementalRendering` option, in 6.8, puts lines one row off). A repaint here
 * moves up to the frame's first line and rewrites only the lines that differ from what is on
 * screen; the terminal ends as Ink's own write would leave it, the cursor on the line after the
 * frame. Any other write passes unchanged: a whole frame (the first) becomes what is on screen,
 * anything else forgets it, and so do a resize (a terminal may reflow what it shows) and a frame
 * that does not fit the terminal (one laid out for the size before a resize wraps or scrolls, so
 * its lines are not where they seem).
 */
export function lineUpdates(stream: NodeJS.WriteStream): LineUpdates {
  /** The lines of the frame on screen; the last entry is the empty line the cursor is on. */
  let shown: string[] | undefined;
  const forget = () => (shown = undefined);
  const fits = (lines: readonly string[]) =>
    lines.length - 1 < (stream.rows || Infinity) && lines.every((line) => [...line.replace(SGR, '')].length <= (stream.columns || Infinity));
  // Registered before Ink's own resize listener, which repaints at once.
  stream.on('resize', forget);

  const update = (chunk: string): string => {
    if (MODES_ONLY.test(chunk)) return chunk;
    const previous = shown;
    const erase = ERASE_LINES.exec(chunk)?.[0] ?? '';
    const frame = chunk.slice(erase.length);
    const next = frame.endsWith('\n') && !NOT_SGR.test(frame) ? frame.split('\n') : undefined;
    shown = next && fits(next) ? next : undefined;
    if (!next || !shown || !previous || erase !== eraseLines(previous.length) || next.length !== previous.length) return chunk;
    let out = `${ESC}${next.length - 1}A\r`;
    for (let i = 0; i < next.length - 1; i++) out += next[i] === previous[i] ? '\n' : `${ESC}2K${next[i]}\n`;
    return out;
  };

  return {
    stream: withWrite(stream, (chunk, ...rest) => {
      if (typeof chunk !== 'string') forget();
      return writeTo(stream, typeof chunk === 'string' ? update(chunk) : chunk, rest);
    }),
    stop: () => stream.off('resize', forget),
  };
}
