import { describe, expect, it } from 'vitest';
import { consolePage, lineRows, scrollConsole, type ConsoleLines } from '../src/view/console-page.js';

/** `n` short lines, `line-1` to `line-n`, after `dropped` lines the console let go. */
function lines(n: number, dropped = 0): ConsoleLines {
  return { logs: Array.from({ length: n }, (_, i) => ({ t: i, stream: 'stdout' as const, text: `line-${dropped + i + 1}` })), dropped };
}

const texts = (page: ReturnType<typeof consolePage>) => page.rows.map((r) => r.text);

describe('a console line on screen', () => {
  it('wraps at the width, keeps its own line breaks, shows tabs as two spaces', () => {
    expect(lineRows('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(lineRows('one\ntwo', 10)).toEqual(['one', 'two']);
    expect(lineRows('', 10)).toEqual(['']);
    expect(lineRows('a\tb', 10)).toEqual(['a  b']);
    expect(lineRows('ñandú€', 3)).toEqual(['ñan', 'dú€']);
  });
});

describe('the whole console, a page at a time', () => {
  it('follows the newest lines at the bottom, numbering the lines it shows', () => {
    const page = consolePage(lines(30), undefined, 20, 5);
    expect(texts(page)).toEqual(['line-26', 'line-27', 'line-28', 'line-29', 'line-30']);
    expect(page).toMatchObject({ first: 25, last: 29, total: 30, following: true });
  });

  it('shows every line from the first when all fit', () => {
    const page = consolePage(lines(3), undefined, 20, 5);
    expect(texts(page)).toEqual(['line-1', 'line-2', 'line-3']);
    expect(page).toMatchObject({ first: 0, last: 2, total: 3, following: true });
  });

  it('scrolls up by rows and stays where it was when new lines come', () => {
    const from = scrollConsole(lines(30), undefined, -10, 20, 5);
    expect(from).toEqual({ line: 15, row: 0 });
    expect(texts(consolePage(lines(30), from, 20, 5))).toEqual(['line-16', 'line-17', 'line-18', 'line-19', 'line-20']);
    const later = consolePage(lines(40), from, 20, 5);
    expect(texts(later)[0]).toBe('line-16');
    expect(later).toMatchObject({ total: 40, following: false });
  });

  it('stops at the first line going up, and follows again once down at the last page', () => {
    const top = scrollConsole(lines(30), undefined, -1000, 20, 5);
    expect(top).toEqual({ line: 0, row: 0 });
    expect(scrollConsole(lines(30), top, 24, 20, 5)).toEqual({ line: 24, row: 0 });
    expect(scrollConsole(lines(30), top, 25, 20, 5)).toBeUndefined();
    expect(scrollConsole(lines(30), top, Infinity, 20, 5)).toBeUndefined();
    expect(scrollConsole(lines(30), undefined, 3, 20, 5)).toBeUndefined();
  });

  it('moves through wrapped lines row by row, so a page down shows the very next rows', () => {
    const long: ConsoleLines = {
      logs: [
        { t: 0, stream: 'stdout', text: 'a'.repeat(25) },
        { t: 1, stream: 'stderr', text: 'short' },
        { t: 2, stream: 'stdout', text: 'b'.repeat(30) },
        ...lines(10).logs,
      ],
      dropped: 0,
    };
    const top = scrollConsole(long, undefined, -Infinity, 10, 4);
    expect(texts(consolePage(long, top, 10, 4))).toEqual(['aaaaaaaaaa', 'aaaaaaaaaa', 'aaaaa', 'short']);
    expect(consolePage(long, top, 10, 4).rows[3]!.stderr).toBe(true);
    const next = scrollConsole(long, top, 4, 10, 4);
    expect(next).toEqual({ line: 2, row: 0 });
    const page = consolePage(long, next, 10, 4);
    expect(texts(page)).toEqual(['bbbbbbbbbb', 'bbbbbbbbbb', 'bbbbbbbbbb', 'line-1']);
    expect(page).toMatchObject({ first: 2, last: 3 });
    expect(scrollConsole(long, next, -1, 10, 4)).toEqual({ line: 1, row: 0 });
    expect(scrollConsole(long, next, -2, 10, 4)).toEqual({ line: 0, row: 2 });
    expect(scrollConsole(long, { line: 0, row: 2 }, 2, 10, 4)).toEqual({ line: 2, row: 0 });
  });

  it('keeps counting lines the console dropped, and a place among them moves to the first kept line', () => {
    const kept = lines(10, 90);
    const page = consolePage(kept, { line: 50, row: 0 }, 20, 4);
    expect(texts(page)).toEqual(['line-91', 'line-92', 'line-93', 'line-94']);
    expect(page).toMatchObject({ first: 90, last: 93, total: 100, following: false });
    expect(scrollConsole(kept, undefined, -100, 20, 4)).toEqual({ line: 90, row: 0 });
  });

  it('with nothing printed, is an empty page that follows', () => {
    expect(consolePage(lines(0), undefined, 20, 4)).toEqual({ rows: [], first: 0, last: 0, total: 0, following: true });
    expect(scrollConsole(lines(0), undefined, -5, 20, 4)).toBeUndefined();
  });
});
