import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { lineUpdates } from '../src/dashboard/line-updates.js';
import { VirtualTerminal } from './helpers/virtual-terminal.js';

/** Ink's erase of the `count` lines it wrote last time, as ansi-escapes writes it. */
const erase = (count: number) => (count > 0 ? '\u001B[2K\u001B[1A'.repeat(count - 1) + '\u001B[2K\u001B[G' : '');

/** A terminal stream over a virtual screen, with the bytes written to it. */
function terminal(columns: number, rows: number) {
  const screen = new VirtualTerminal(columns, rows);
  const stream = Object.assign(new EventEmitter(), {
    columns,
    rows,
    isTTY: true,
    bytes: 0,
    write(chunk: string) {
      stream.bytes += Buffer.byteLength(chunk);
      screen.write(chunk);
      return true;
    },
  });
  return { screen, stream, tty: stream as unknown as NodeJS.WriteStream };
}

/**
 * Writes frames the way Ink's repaint does (erase the lines written last, then the frame and a
 * newline), once straight to a terminal and once through lineUpdates to another, and checks both
 * show the same after every frame.
 */
function paint(frames: readonly (readonly string[])[], between?: (step: number, plain: ReturnType<typeof terminal>, through: NodeJS.WriteStream, updated: ReturnType<typeof terminal>) => void) {
  const plain = terminal(40, 12);
  const updated = terminal(40, 12);
  const through = lineUpdates(updated.tty).stream;
  for (const t of [plain, updated]) t.screen.write('$ loopscope\n');
  let previous = 0;
  frames.forEach((lines, step) => {
    between?.(step, plain, through, updated);
    const chunk = erase(previous) + lines.join('\n') + '\n';
    previous = lines.length + 1;
    plain.tty.write('\u001B[?2026h');
    plain.tty.write(chunk);
    plain.tty.write('\u001B[?2026l');
    through.write('\u001B[?2026h');
    through.write(chunk);
    through.write('\u001B[?2026l');
    expect(updated.screen.screen(), `after frame ${step + 1}`).toEqual(plain.screen.screen());
  });
  return { plain, updated };
}

const frame = (n: number, changed: number, tag: string) =>
  Array.from({ length: n }, (_, i) => (i === changed ? `\u001B[32mline ${i} ${tag}\u001B[39m` : `line ${i}`));

describe('lineUpdates', () => {
  it('leaves the screen exactly as whole repaints would, writing only the lines that changed', () => {
    const frames = Array.from({ length: 30 }, (_, i) => frame(8, i % 8, `v${i}`));
    const { plain, updated } = paint(frames);
    expect(updated.stream.bytes).toBeLessThan(plain.stream.bytes * 0.5);
  });

  it('follows frames that grow, shrink, lose a line or get longer lines', () => {
    paint([frame(5, 0, 'a'), frame(5, 1, 'b'), frame(7, 2, 'c'), frame(7, 2, 'c'), frame(3, 0, 'd'), frame(3, 0, 'a much longer line now'), frame(3, 1, 'x'), ['', 'gap', ''], frame(3, 2, 'y')]);
  });

  it('writes the whole frame again after one too wide for the terminal (it wrapped)', () => {
    const wide = frame(6, 5, 'x'.repeat(45));
    const { plain, updated } = paint([frame(6, 0, 'a'), frame(6, 1, 'b'), wide, frame(6, 2, 'c'), frame(6, 3, 'd')]);
    // A whole repaint leaves the wrapped rows above the frame; so must the updates, and no more.
    expect(updated.screen.screen()).toEqual(plain.screen.screen());
  });

  it('writes the whole frame again after a resize or a write it does not know', () => {
    paint([frame(6, 0, 'a'), frame(6, 1, 'b'), frame(6, 2, 'c'), frame(6, 3, 'd'), frame(6, 4, 'e')], (step, plain, through, updated) => {
      // A terminal may reflow its lines on a resize: say the last one was wrapped.
      if (step === 2) {
        for (const t of [plain, updated]) t.screen.write('\u001B[2Awrapped\n\n');
        updated.stream.emit('resize');
      }
      // A write that moves the cursor and writes over a line the next frame keeps.
      if (step === 4) {
        plain.tty.write('\u001B[2Aoops\n\n');
        through.write('\u001B[2Aoops\n\n');
      }
    });
  });
});
