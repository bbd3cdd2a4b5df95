import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleView } from '../../components/ConsoleView.js';
import { HeldSnapshot } from '../../src/dashboard/store.js';
import type { LogLine } from '../../src/runtime/tracker.js';
import { scenarioOf } from '../helpers/run-scenario.js';
import { dashboard, runSnapshot } from './fixtures.js';
import { closeLiveApps, startApp, type LiveApp } from './live-app.js';
import { frameOf } from './render.js';

const KEY = { escape: '\u001B', pageUp: '\u001B[5~', pageDown: '\u001B[6~', home: '\u001B[H', end: '\u001B[F' };

const LONG = `line-30 ${'long '.repeat(30)}end`;

function logs(n: number): LogLine[] {
  return Array.from({ length: n }, (_, i) => ({ t: i, stream: 'stdout' as const, text: i === 29 ? LONG : `line-${i + 1}` }));
}

/** The rows inside the panel's borders. */
const inside = (frame: string) => frame.split('\n').slice(1, -1).map((l) => l.slice(2, -2).trimEnd());

describe('ConsoleView', () => {
  it('fills the height with the newest lines, numbered in its border, and says how big it is', () => {
    const sizes: [number, number][] = [];
    const frame = frameOf(<ConsoleView store={new HeldSnapshot(dashboard({ run: runSnapshot({ logs: logs(60) }) }))} width={80} height={20} onSize={(c, r) => sizes.push([c, r])} />);
    expect(frame.split('\n')[0]).toMatch(/^╭─ Console ─+ lines 43–60 of 60 ─╮$/);
    expect(inside(frame)).toEqual(logs(60).slice(42).map((l) => l.text));
    expect(sizes).toEqual([[76, 18]]);
  });

  it('wraps a long line instead of cutting it, and counts the lines the console dropped', () => {
    // The 60 lines kept come after 7 the console let go: the 26th kept is the 33rd printed.
    const snap = dashboard({ run: runSnapshot({ logs: logs(60), droppedLogs: 7 }), session: { consoleFrom: { line: 7 + 25, row: 0 } } });
    const frame = frameOf(<ConsoleView store={new HeldSnapshot(snap)} width={80} height={20} onSize={() => undefined} />);
    expect(frame.split('\n')[0]).toContain(' lines 33–48 of 67 · 7 earlier lines dropped ');
    const rows = inside(frame);
    expect(rows.slice(0, 4)).toEqual(['line-26', 'line-27', 'line-28', 'line-29']);
    expect(rows[4]).toBe(LONG.slice(0, 76));
    expect(rows[5]).toBe(LONG.slice(76, 152).trimEnd());
    expect(rows[6]).toBe(LONG.slice(152));
    expect(rows[6]).toMatch(/end$/);
  });

  it('in Spanish, with nothing printed yet', () => {
    const frame = frameOf(<ConsoleView store={new HeldSnapshot(dashboard({ session: { lang: 'es' } }))} width={80} height={20} onSize={() => undefined} />);
    expect(frame.split('\n')[0]).toMatch(/^╭─ Consola ─+╮$/);
    expect(frame).toContain('todavía sin salida');
    const full = frameOf(<ConsoleView store={new HeldSnapshot(dashboard({ run: runSnapshot({ logs: logs(3) }), session: { lang: 'es' } }))} width={80} height={20} onSize={() => undefined} />);
    expect(full.split('\n')[0]).toContain(' líneas 1–3 de 3 ');
  });
});

/** Prints 60 lines (one long), then 10 more each time a future of its own is resolved. */
const printer = scenarioOf(async (ctx) => {
  for (const line of logs(60)) console.log(line.text);
  await ctx.createFuture('more');
  for (let i = 61; i <= 70; i++) console.log(`line-${i}`);
  await ctx.createFuture('again');
  for (let i = 71; i <= 80; i++) console.log(`line-${i}`);
}, 'printer');

/** Resolves the printer's future `name`, as f on its row would. */
async function resolve(app: LiveApp, name: string): Promise<void> {
  await app.until(() => app.session.run!.tracker.snapshot().entities.some((e) => e.name === name));
  const future = app.session.run!.tracker.snapshot().entities.find((e) => e.name === name)!;
  await app.session.run!.act(future.id, 'resolve');
}

const top = (frame: string) => frame.split('\n')[1]!;
const body = (frame: string) => frame.split('\n').slice(2, 20).map((l) => l.slice(2, -2).trimEnd());

afterEach(closeLiveApps);

describe('o: the whole console, full height', () => {
  it('scrolls by row and by page, wraps long lines, follows the newest at the bottom, and Esc or o goes back', async () => {
    const app = startApp({ scenarios: [printer] });
    await app.until((f) => f.includes('line-60'));
    app.press('o');
    let frame = await app.until((f) => /lines 43–60 of 60/.test(top(f)));
    // The header and the footer stay; the panels give way.
    expect(frame.split('\n')[0]).toContain('[1 printer]');
    expect(frame).not.toContain('Timeline');
    expect(frame.split('\n')).toHaveLength(23);
    expect(body(frame)).toEqual(Array.from({ length: 18 }, (_, i) => `line-${43 + i}`));

    app.press('k');
    await app.until((f) => /lines 42–59 of 60/.test(top(f)));
    app.press(KEY.pageUp);
    // A page up: the line that was first now sits just below the page.
    frame = await app.until((f) => !/lines 42–59/.test(top(f)));
    expect(body(frame).at(-1)).toBe('line-41');
    expect(body(frame)).toContain(LONG.slice(0, 76));
    expect(body(frame)).toContain(LONG.slice(152));

    app.press('g');
    frame = await app.until((f) => /lines 1–18 of 60/.test(top(f)));
    expect(body(frame)[0]).toBe('line-1');
    app.press(KEY.pageDown);
    frame = await app.until((f) => body(f)[0] === 'line-19');
    expect(body(frame).slice(11, 14)).toEqual([LONG.slice(0, 76), LONG.slice(76, 152).trimEnd(), LONG.slice(152)]);
    expect(top(frame)).toMatch(/lines 19–34 of 60/);

    // Scrolled back, new lines do not move the page; the count grows.
    await resolve(app, 'more');
    frame = await app.until((f) => /lines 19–34 of 70/.test(top(f)));
    expect(body(frame)[0]).toBe('line-19');

    app.press('G');
    frame = await app.until((f) => /lines 53–70 of 70/.test(top(f)));
    expect(body(frame).at(-1)).toBe('line-70');
    // At the bottom, it follows.
    await resolve(app, 'again');
    frame = await app.until((f) => /lines 63–80 of 80/.test(top(f)));
    expect(body(frame).at(-1)).toBe('line-80');
    app.press(KEY.home);
    await app.until((f) => /lines 1–18 of 80/.test(top(f)));
    app.press(KEY.end);
    await app.until((f) => /lines 63–80 of 80/.test(top(f)));

    app.press(KEY.escape);
    frame = await app.until((f) => f.includes('Timeline'));
    expect(frame).toContain('line-80');
    app.press('o');
    await app.until((f) => /lines 63–80 of 80/.test(top(f)));
    app.press('o');
    await app.until((f) => f.includes('Timeline'));
  });
});
