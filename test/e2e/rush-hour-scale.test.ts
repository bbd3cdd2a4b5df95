import { describe, expect, it } from 'vitest';
import { exited, launch, terminalFactory } from './shell.js';
import { TmuxTerminal } from './tmux.js';

// Rush hour with 100,000 tasks in a real terminal: the panels keep up and the keys keep working.
// How fast they answer is a bench figure (keys-100k); here, that they do, and what they show.

const terminal = terminalFactory();

/** The name on the selected row (its state mark, its warning mark or a space, then ›). */
const selected = (screen: string) => /│ \S[ ⚠]› +(\S+)/.exec(screen)?.[1];

describe.skipIf(!TmuxTerminal.available())('rush hour at 100k in the dashboard', () => {
  it('lists what fits, counts every task by state, aggregates the timeline, and moves the selection on keys', async () => {
    const t = terminal(120, 36);
    await launch(t, '--lang en -s rush-hour --scale 100k');
    const busy = await t.waitFor((s) => /\d{5,} wait/.test(s), 'tens of thousands of tasks waiting', 30_000);
    expect(busy).toContain('rush hour: 100,000 cars');
    // The timeline stands many tasks in each lane.
    expect(busy).toMatch(/ ×\d{3,} /);
    t.keys('Down');
    const main = selected(await t.waitFor((s) => selected(s) !== undefined, 'a selected row'));
    t.keys('Down');
    t.keys('Down');
    // The selection leaves the main task for a car (which may settle and be folded away at once:
    // then no row shows ›, and the list stays where it was).
    await t.waitFor((s) => selected(s) !== main, 'the selection to move');
    const ended = await t.waitFor((s) => s.includes('ended in'), 'the rush to end', 60_000);
    expect(ended).toMatch(/all 100,000 settled/);
    // Only the newest settled tasks are kept; the title still counts all 100,000 (and the main task).
    const folded = Number(/(\d+) settled not shown/.exec(ended)?.[1]);
    expect(folded).toBeGreaterThan(90_000);
    const title = ended.split('\n').find((l) => l.includes('Tasks & futures'))!;
    const counted = [...title.matchAll(/(\d+) (?:new|pend|run|wait|✓|✗|⊘)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(counted).toBe(100_003);
    for (const line of ended.split('\n')) expect([...line].length).toBeLessThanOrEqual(120);
    t.keys('q');
    await t.waitFor(exited(0), 'exit code 0');
  }, 120_000);
});
