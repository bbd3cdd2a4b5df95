import { afterEach, describe, expect, it } from 'vitest';
import { Session } from '../src/dashboard/session.js';
import { localRuns } from './helpers/local-run.js';
import { scenarioOf } from './helpers/run-scenario.js';
import { until } from './helpers/until.js';

/** 25 jobs that finish, three that fail, and a watcher that waits on a last, long job: the main task waits on the watcher. */
const depot = scenarioOf(async (ctx) => {
  const jobs = Array.from({ length: 25 }, (_, i) => ctx.createTask(`job-${i + 1}`, () => ctx.sleep(1, i)));
  const bad = Array.from({ length: 3 }, (_, i) =>
    ctx.createTask(`bad-${i + 1}`, async () => {
      throw new Error(`bad-${i + 1} failed`);
    }),
  );
  const last = ctx.createTask('last', () => ctx.sleep(60_000));
  const watcher = ctx.createTask('watcher', () => last);
  await ctx.gather(...jobs, ...bad, { returnExceptions: true });
  await watcher;
}, 'depot');

const ENTER = { return: true };
const ESC = { escape: true };

const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

/** A session on the depot, once its short jobs have settled and the main task waits on the watcher, which waits on `last`. */
async function depotSession(): Promise<Session> {
  const session = new Session({ scenarios: [depot], createRun: localRuns() });
  sessions.push(session);
  session.start();
  await until(() => {
    const snap = session.run?.tracker.snapshot();
    const awaits = (name: string) => snap?.entities.find((e) => e.name === name)?.awaiting !== undefined;
    return snap !== undefined && snap.counts.resolved + snap.counts.rejected >= 28 && awaits('watcher') && awaits('Task-1');
  }, 'the depot to settle its short jobs');
  return session;
}

const names = (session: Session) => {
  const rows = session.rows();
  return Array.from({ length: rows.length }, (_, i) => rows.at(i)!.entity.name);
};
const selectedName = (session: Session) => session.run!.tracker.find(session.state.selectedId!)?.name;
const type = (session: Session, text: string) => {
  for (const ch of text) session.press(ch, {});
};

describe('the task table’s keys', () => {
  it('/ takes typed text as the filter (j and s too), Backspace takes it back, Enter keeps it, Esc clears it', async () => {
    const session = await depotSession();
    session.press('/', {});
    expect(session.state.filtering).toBe(true);
    type(session, 'bads');
    expect(session.state.table.filter).toBe('bads');
    session.press('', { backspace: true });
    expect(session.state.table).toMatchObject({ filter: 'bad', sort: 'created' });
    expect(names(session)).toEqual(['bad-1', 'bad-2', 'bad-3']);
    // Arrows still move while typing.
    session.press('', { downArrow: true });
    expect(selectedName(session)).toBe('bad-1');
    session.press('\r', ENTER);
    expect(session.state).toMatchObject({ filtering: false, table: { filter: 'bad' } });
    // Typed now, j is a key again.
    session.press('j', {});
    expect(selectedName(session)).toBe('bad-2');
    session.press('', ESC);
    expect(session.state.table.filter).toBe('');
    expect(session.rows().length).toBeGreaterThanOrEqual(31);
  });

  it('reads keys that came in one read one by one: `/bad` starts a filter and types into it', async () => {
    const session = await depotSession();
    const run = session.run;
    session.press('/bad', {});
    expect(session.state).toMatchObject({ filtering: true, table: { filter: 'bad' } });
    // r typed into the filter, not a rerun.
    session.press('rj', {});
    expect(session.state.table.filter).toBe('badrj');
    expect(session.run).toBe(run);
  });

  it('Enter opens the selected row’s details and Esc closes them before it clears a filter', async () => {
    const session = await depotSession();
    type(session, '/job-7');
    session.press('\r', ENTER);
    session.press('\r', ENTER);
    // No row was selected: the first row's details.
    expect(session.state.detailId).toBe(session.rows().at(0)!.entity.id);
    expect(selectedName(session)).toBe('job-7');
    session.press('', ESC);
    expect(session.state).toMatchObject({ detailId: undefined, table: { filter: 'job-7' } });
    session.press('', ESC);
    expect(session.state.table.filter).toBe('');
  });

  it('s cycles the sort column, S reverses it, t nests the tree under who awaits or created each one', async () => {
    const session = await depotSession();
    const sorts: string[] = [];
    for (let i = 0; i < 5; i++) {
      session.press('s', {});
      sorts.push(session.state.table.sort);
    }
    expect(sorts).toEqual(['state', 'name', 'kind', 'time', 'created']);
    session.press('s', {});
    session.press('s', {});
    expect(names(session).slice(0, 6)).toEqual(['bad-1', 'bad-2', 'bad-3', 'gather', 'job-1', 'job-2']);
    session.press('S', {});
    expect(session.state.table.reverse).toBe(true);
    expect(names(session).slice(0, 4)).toEqual(['watcher', 'Task-1', 'last', 'job-25']);
    session.press('t', {});
    expect(session.state.table.tree).toBe(true);
    const rows = session.rows();
    const depth = (name: string) => {
      for (let i = 0; i < rows.length; i++) if (rows.at(i)!.entity.name === name) return rows.at(i)!.depth;
      return -1;
    };
    // The watcher awaits `last`: last hangs under the watcher, both under the main task.
    expect([depth('Task-1'), depth('watcher'), depth('last'), depth('job-1')]).toEqual([0, 1, 2, 1]);
    expect(names(session).slice(0, 3)).toEqual(['Task-1', 'watcher', 'last']);
  });

  it('PgDn and PgUp move by the page the table reported, End / G and Home / g to the ends', async () => {
    const session = await depotSession();
    session.setPageRows(10);
    const count = session.rows().length;
    const at = () => session.rows().rowOf(session.state.selectedId!);
    session.press('', { pageDown: true });
    // From no selection: the first row, then a page on (one row stays in view).
    expect(at()).toBe(0);
    session.press('', { pageDown: true });
    expect(at()).toBe(9);
    session.press('', { pageUp: true });
    expect(at()).toBe(0);
    session.press('', { end: true });
    expect(at()).toBe(count - 1);
    session.press('g', {});
    expect(at()).toBe(0);
    session.press('G', {});
    expect(at()).toBe(count - 1);
    session.press('', { home: true });
    expect(at()).toBe(0);
  });
});
