import { describe, expect, it } from 'vitest';
import { launch, quitCleanly, terminalFactory } from './shell.js';
import { TmuxTerminal } from './tmux.js';

// What the timeline and the header say of a real run, read off a real terminal (tmux).

const terminal = terminalFactory();

/**
 * An entity's lane in the timeline panel, its label blanked and its borders cut, or undefined. The
 * label's padding is kept: a glyph's index is its column on screen, the same for every lane (a
 * lane whose bar begins a column later must not read as shifted back by one).
 */
function lane(screen: string, name: string): string | undefined {
  const lines = screen.split('\n');
  const top = lines.findIndex((l) => l.startsWith('╭─ Timeline'));
  const bottom = lines.findIndex((l, i) => i > top && l.startsWith('╰─'));
  const row = lines.slice(top + 1, bottom).find((l) => new RegExp(`^│ +${name} `).test(l));
  return row?.replace(/^│/, '').replace(name, ' '.repeat(name.length)).replace(/ *│$/, '');
}

/** Columns of a bar drawn with one of `glyphs`. */
const columnsOf = (bar: string, glyphs: string) => [...bar].flatMap((ch, i) => (glyphs.includes(ch) ? [i] : []));
const count = (bar: string, glyphs: string) => columnsOf(bar, glyphs).length;

/** The run's time on the timeline's title (`Timeline · 0–1.52s`), in ms. */
function runMs(screen: string): number {
  const [, value, unit] = /Timeline · 0–([\d.]+)(ms|s)/.exec(screen) ?? [];
  return value === undefined ? 0 : Number(value) * (unit === 's' ? 1000 : 1);
}

describe.skipIf(!TmuxTerminal.available())('lanes and the header in a real terminal', () => {
  it("draws futures' Task-1, which awaits a future nobody has set, as waiting", async () => {
    const t = terminal(160, 48);
    await launch(t, '-s futures');
    const screen = await t.waitFor((s) => s.includes('waiting for you') && count(lane(s, 'Task-1') ?? '', '─') > 60, 'Task-1 waiting for your answer');
    const bar = lane(screen, 'Task-1')!;
    expect(count(bar, '─')).toBeGreaterThan(5 * count(bar, '█'));
    expect(bar).not.toContain('▓');
    expect(screen).toMatch(/╰─ .*─ waiting/);
    await quitCleanly(t);
  }, 60_000);

  it("draws sync-vs-async's three subway orders busy in columns that do not overlap, and the header says the run ended", async () => {
    const t = terminal(160, 48);
    await launch(t, '-s sync-vs-async');
    const screen = await t.waitFor((s) => /✓ ended in \d/.test(s.split('\n')[0]!), 'the run to end');
    const busy = [1, 2, 3].map((n) => columnsOf(lane(screen, `subway-${n}`)!, '█▓'));
    for (const columns of busy) expect(columns.length).toBeGreaterThan(5);
    // One after another: the next starts in the column where the last ended, or later (a column is
    // a few ms, and one order may end and the next begin within it); side by side, they would
    // share some 30 columns.
    expect(busy[0]![busy[0]!.length - 1]).toBeLessThanOrEqual(busy[1]![0]!);
    expect(busy[1]![busy[1]!.length - 1]).toBeLessThanOrEqual(busy[2]![0]!);
    // The task that gathered them awaited meanwhile: no block on its lane.
    expect(lane(screen, 'Task-1')).not.toContain('▓');
    const header = screen.split('\n')[0]!;
    expect(header).not.toMatch(/running|blocked/);
    await quitCleanly(t);
  }, 60_000);

  it('says the seed ended once it has, at 80x24, not running', async () => {
    const t = terminal(80, 24);
    await launch(t);
    const screen = await t.waitFor((s) => s.includes('Async Result: Test') && /✓ ended in \d/.test(s.split('\n')[0]!), 'the seed to end');
    expect(screen.split('\n')[0]).not.toContain('● running');
    await quitCleanly(t);
  }, 60_000);

  it('does not carry a block into the next scenario after a switch', async () => {
    const t = terminal(160, 48);
    await launch(t, '-s sync-vs-async');
    // Switched away in the middle of the subway orders, whose process goes on blocking a while.
    await t.waitFor((s) => lane(s, 'subway-1')?.includes('▓') ?? false, 'the first block');
    t.keys('3');
    let blockedAfter = false;
    await t.waitFor((s) => {
      const header = s.split('\n')[0]!;
      if (!header.includes('[3 futures]')) return false;
      // A block of the new run's own (a loaded machine can hold its loop as it starts) is on its
      // loop lane too; one carried over from the last run would be in the header only.
      blockedAfter ||= header.includes('blocked') && !(lane(s, 'loop')?.includes('▓') ?? false);
      // Past the time the header holds a block's report (1.5 s) into the new run.
      return s.includes('waiting for you') && runMs(s) > 2000;
    }, 'the futures scenario two seconds in');
    expect(blockedAfter).toBe(false);
    await quitCleanly(t);
  }, 60_000);

  it('leaves nothing of the notice for the size before when the terminal narrows', async () => {
    const t = terminal(70, 20);
    await launch(t);
    await t.waitFor((s) => s.includes('70x20'), 'the notice');
    t.resize(40, 10);
    const screen = await t.waitFor((s) => s.includes('40x10'), 'the notice for 40x10');
    expect(screen).not.toContain('70x20');
    await quitCleanly(t);
  }, 60_000);
});
