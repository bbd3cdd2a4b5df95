import { describe, expect, it } from 'vitest';
import { launch, quitCleanly, terminalFactory } from './shell.js';
import { TmuxTerminal } from './tmux.js';

// The task table in a real terminal: a filter, the details of a row, the tree.

const terminal = terminalFactory();

/** The task table's rows on screen (right of the code panel): state icon, indent and name, and the rest. */
function tableRows(screen: string): { icon: string; indent: number; name: string; rest: string }[] {
  const rows = [];
  for (const line of screen.split('\n')) {
    const row = /││ (\S)[ ⚠][ ›] ( *)(\S+)(.*)│$/.exec(line);
    if (row && row[3] !== 'name') rows.push({ icon: row[1]!, indent: row[2]!.length, name: row[3]!, rest: row[4]! });
  }
  return rows;
}

describe.skipIf(!TmuxTerminal.available())('the task table in a real terminal', () => {
  it('rush hour: /rejected keeps only rejected rows and counts them in the title; Enter shows a row’s details, Esc goes back', async () => {
    const t = terminal(80, 24);
    await launch(t, '--lang en -s rush-hour');
    await t.waitFor((s) => s.includes('ended in'), 'the rush to end', 60_000);
    t.keys('/');
    await t.waitFor((s) => s.includes('/▌'), 'the filter to open');
    t.type('rejected');
    await t.waitFor((s) => /\/rejected▌ · \d+ of [\d,]+/.test(s), 'the filter typed');
    t.keys('Enter');
    const counted = (s: string) => /\/rejected · (\d+) of ([\d,]+)/.exec(s)?.slice(1).map((n) => Number(n.replace(/,/g, '')));
    // 80x24 leaves five rows for the table (and a capture may catch a frame half drawn: wait for it whole).
    const filtered = await t.waitFor((s) => counted(s) !== undefined && tableRows(s).length === Math.min(counted(s)![0]!, 5), 'the filter kept, its rows drawn');
    const [matched, total] = counted(filtered)!;
    expect(matched).toBeGreaterThan(0);
    expect(total).toBeGreaterThan(matched!);
    const rows = tableRows(filtered);
    for (const row of rows) {
      expect(row.icon).toBe('✗');
      expect(row.name).toMatch(/^car-\d+$/);
      expect(row.rest).toMatch(/^ +task rejected/);
    }
    // With no row selected, Enter opens the first row's details (and selects it).
    t.keys('Enter');
    const details = await t.waitFor((s) => /Details · car-\d+ .* Esc back/.test(s) && s.includes('broke down'), 'a row’s details');
    const name = /Details · (car-\d+)/.exec(details)![1]!;
    expect(details).toContain(`${name} · task`);
    expect(details).toContain('✗ rejected');
    expect(details).toMatch(/parent +Task-1 \(t1, /);
    expect(details).toMatch(new RegExp(`error +Error: ${name} broke down`));
    expect(details).toMatch(/history +.*pending/);
    t.keys('Escape');
    // Back to the filtered table, the row whose details were open selected.
    const back = await t.waitFor((s) => !s.includes('Details ·') && tableRows(s).some((r) => r.name === name), 'the filtered table again');
    expect(back).toMatch(new RegExp(`✗ › ${name} `));
    expect(back).toMatch(/\/rejected · \d+ of [\d,]+/);
    await quitCleanly(t);
  }, 120_000);

  it('concurrency: t nests the tasks under the task that made them, and t again lists them flat', async () => {
    const t = terminal(160, 48);
    await launch(t, '--lang en -s concurrency');
    await t.waitFor((s) => s.includes('ended in'), 'the scenario to end', 60_000);
    t.keys('t');
    t.keys('g');
    // Everything the main task made hangs under it, one level down (a frame drawn whole: Ink
    // writes it at once, but a capture may catch the terminal halfway through it).
    const nestedUnder = (rows: ReturnType<typeof tableRows>) => rows[0]?.name === 'Task-1' && rows[0].indent === 0 && rows.length > 10 && rows.slice(1).every((r) => r.indent === 2);
    const tree = await t.waitFor((s) => s.includes('Tasks & futures · tree') && nestedUnder(tableRows(s)), 'the tree from its top, nested');
    expect(tableRows(tree).map((r) => r.name)).toEqual(expect.arrayContaining(['page-1', 'page-2', 'gather', 'fetch']));
    t.keys('t');
    const flat = await t.waitFor((s) => !s.includes('· tree') && tableRows(s).length > 10 && tableRows(s).every((r) => r.indent === 0), 'the flat list');
    expect(tableRows(flat)[0]!.name).toBe('Task-1');
    await quitCleanly(t);
  }, 120_000);
});
