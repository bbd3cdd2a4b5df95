import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import {
  alive,
  blockedMs,
  descendantsOf,
  expectTerminalRestored,
  exited,
  exitedAfter,
  expectOneFrame,
  launch,
  panelLines,
  quitCleanly,
  terminalFactory,
  usage,
  type Process,
} from './shell.js';
import { TmuxTerminal } from './tmux.js';

// The program runs in a process of its own, the dashboard in another: whatever the program does
// to its thread, its globals, its output or its process, the dashboard draws, answers keys, and
// ends the program's whole process group when it ends.

const terminal = terminalFactory();

/** The ways the app is ended, and the exit code each gives: keys in the terminal, signals to its process. */
const ENDINGS = [
  ['q', 0],
  ['Ctrl+C', 130],
  ['SIGTERM', 143],
  ['SIGINT', 130],
  ['SIGHUP', 129],
] as const;

type Ending = (typeof ENDINGS)[number][0];

/**
 * Ends the app running in `t` the way `how` says, and waits for its exit code: returns the screen
 * then, when the ending was sent (for exitedAfter), and the processes that were below the app
 * (its runs' own, and what they started).
 */
async function endApp(t: TmuxTerminal, how: Ending, code: number): Promise<{ screen: string; sent: number; below: Process[] }> {
  const app = t.foregroundPid()!;
  const below = descendantsOf(app);
  const sent = Date.now();
  if (how === 'q') t.keys('q');
  else if (how === 'Ctrl+C') t.keys('C-c');
  else process.kill(app, how);
  return { screen: await t.waitFor(exited(code), `exit code ${code}`), sent, below };
}

/** Ends the app as `how` says, and checks it was gone within 300 ms, no process left below it, the terminal restored. */
async function expectEndsAtOnce(t: TmuxTerminal, how: Ending, code: number): Promise<void> {
  const { screen, sent, below } = await endApp(t, how, code);
  expect(exitedAfter(screen, sent)).toBeLessThan(300);
  expect(below.filter((p) => alive(p.pid))).toEqual([]);
  await expectTerminalRestored(t);
}

/** How many futures and tasks the Tasks panel counts as resolved (`1234 ✓`). */
const resolved = (screen: string) => Number(/ (\d+) ✓ ─/.exec(screen)?.[1] ?? 0);

describe.skipIf(!TmuxTerminal.available())('a program that never gives its thread back', () => {
  it.each(ENDINGS)('spinning in a loop: %s ends the app within 300 ms, the terminal restored, no process left', async (how, code) => {
    const t = terminal(80, 24);
    await launch(t, '--file test/e2e/fixtures/spins.mjs', '', { timed: true });
    await t.waitFor((s) => blockedMs(s) !== undefined, 'the program to spin');
    await expectEndsAtOnce(t, how, code);
  }, 60_000);

  it.each(ENDINGS)('in an endless chain of promise jobs: %s ends the app within 300 ms, the terminal restored, no process left', async (how, code) => {
    const t = terminal(80, 24);
    await launch(t, '--file test/e2e/fixtures/promise-storm.mjs', '', { timed: true });
    await t.waitFor((s) => resolved(s) > 10_000, 'the storm');
    await expectEndsAtOnce(t, how, code);
  }, 60_000);

  it('in an endless chain of promise jobs, each settling a future: the dashboard takes a million of them with its memory flat', async () => {
    const t = terminal(80, 24);
    await launch(t, '--file test/e2e/fixtures/promise-storm.mjs');
    // Past the first million, the dashboard has grown what it keeps (a bounded mirror) and warmed
    // up: Node 24's collector grows its young generation by some 100 MB over the first million.
    await t.waitFor((s) => resolved(s) > 1_000_000, 'a million futures', 30_000);
    const app = t.foregroundPid()!;
    const before = usage(app).rssKb;
    await t.waitFor((s) => resolved(s) > 2_000_000, 'another million futures', 60_000);
    // A million more settled entities kept would be hundreds of MB; the garbage collector's own swings are tens.
    expect(usage(app).rssKb - before).toBeLessThan(64 * 1024);
    await quitCleanly(t);
  }, 90_000);
});

describe.skipIf(!TmuxTerminal.available())('a program that breaks its own process', () => {
  it.each([
    ['sets globalThis.Promise to undefined', 'clobbers-promise'],
    ['replaces setTimeout, setImmediate, JSON, Buffer and others with undefined', 'clobbers-globals'],
  ])('that %s: its run comes to an end, and the dashboard draws and answers keys', async (_what, file) => {
    const t = terminal(80, 24);
    await launch(t, `--file test/e2e/fixtures/${file}.mjs`);
    const over = (s: string) => /(ended in|failed after) /.test(s);
    await t.waitFor(over, 'the run to end');
    t.keys('?');
    await t.waitFor((s) => s.includes('╭─ Keys'), 'the help');
    t.keys('?');
    await t.waitFor((s) => s.includes('╭─ Console'), 'the panels again');
    t.keys('r');
    await t.waitFor((s) => s.includes('run 2') && over(s), 'the rerun to end');
    await quitCleanly(t);
  }, 60_000);

  it('that writes to process.stdout itself: the lines are in the console panel, the frame whole', async () => {
    const t = terminal(80, 24);
    await launch(t, '--file test/e2e/fixtures/writes-stdout.mjs');
    const screen = await t.waitFor((s) => s.includes('ended in'), 'the run to end');
    expect(panelLines(screen, 'Console')).toEqual(['written to stdout 1', 'written to stdout 2', 'written to stdout 3']);
    expectOneFrame(screen, 80);
    await quitCleanly(t);
  }, 60_000);

  it('that calls process.exit(3): the console says so, the run failed, the dashboard goes on and r reruns', async () => {
    const t = terminal(80, 24);
    await launch(t, '--file test/e2e/fixtures/exits-3.mjs');
    const failed = (s: string) => s.includes('✗ exited with code 3') && s.includes('failed after');
    const screen = await t.waitFor(failed, 'the run to fail');
    expect(panelLines(screen, 'Console').slice(0, 2)).toEqual(['about to exit', 'process exited with code 3']);
    t.keys('r');
    await t.waitFor((s) => s.includes('run 2') && failed(s), 'the rerun to fail');
    await quitCleanly(t);
  }, 60_000);

  it('that handles unhandled rejections itself: it goes on after one, as under plain node, and ends ok', async () => {
    const t = terminal(80, 24);
    await launch(t, '--file test/e2e/fixtures/handles-rejection.mjs');
    const screen = await t.waitFor((s) => s.includes('ended in'), 'the run to end');
    expect(panelLines(screen, 'Console').slice(0, 2)).toEqual(['handled: nobody awaits this', 'still running after the rejection']);
    await quitCleanly(t);
  }, 60_000);
});

describe.skipIf(!TmuxTerminal.available())('a program that starts `sleep 300`, then holds its thread', () => {
  const started = /sleep started: pid (\d+)/;

  /** The pid of the program's `sleep`, once `spinning(screen)` says the program holds its thread. */
  async function sleepPid(t: TmuxTerminal, spinning: (screen: string) => boolean): Promise<number> {
    const screen = await t.waitFor((s) => started.test(s) && spinning(s), 'the program to start its sleep and spin');
    return Number(started.exec(screen)![1]);
  }

  it.each(ENDINGS.filter(([how]) => ['q', 'Ctrl+C', 'SIGTERM'].includes(how)))('in the dashboard, %s leaves no sleep behind', async (how, code) => {
    const t = terminal(80, 24);
    await launch(t, '--file test/fixtures/spawns-sleep.mjs');
    const sleep = await sleepPid(t, (s) => blockedMs(s) !== undefined);
    const { below } = await endApp(t, how, code);
    expect([...below.map((p) => p.pid), sleep].filter(alive)).toEqual([]);
    await expectTerminalRestored(t);
  }, 60_000);

  it.each(ENDINGS.filter(([how]) => ['Ctrl+C', 'SIGTERM'].includes(how)))('headless, %s ends its process group, the sleep with it', async (how, code) => {
    const t = terminal(80, 24);
    await launch(t, '--headless --file test/fixtures/spawns-sleep.mjs');
    const sleep = await sleepPid(t, (s) => /^spinning$/m.test(s));
    const { below } = await endApp(t, how, code);
    expect([...below.map((p) => p.pid), sleep].filter(alive)).toEqual([]);
  }, 60_000);
});

describe.skipIf(!TmuxTerminal.available())('a program that blocks its thread for 2.5 s in a CPU loop', () => {
  it('is drawn while it lasts: the header counts the block up', async () => {
    const t = terminal(80, 24);
    await launch(t, '--file test/e2e/fixtures/cpu-block.mjs');
    // Two readings, both while the block lasts: the header shows less than its whole 2.5 s.
    const first = blockedMs(await t.waitFor((s) => blockedMs(s) !== undefined, 'the header to say the loop is blocked'))!;
    const second = blockedMs(await t.waitFor((s) => blockedMs(s)! >= first + 300, 'the header to count the block up'))!;
    expect(second).toBeLessThan(2400);
    await t.waitFor((s) => s.includes('ended in'), 'the run to end');
    await quitCleanly(t);
  }, 60_000);
});

describe.skipIf(!TmuxTerminal.available())('step mode', () => {
  /** Lines with the one figure that is timing (how far into its sleep order-2 was cancelled) masked. */
  const masked = (lines: string[]) => lines.map((line) => line.replace(/ended \d+ ms into/, 'ended N ms into'));

  it('prints the same lines in the same order as a plain run (the tasks scenario, held at each step)', async () => {
    const transcript = masked(cli(['--headless', '-s', 'tasks']).stdout.trimEnd().split('\n'));
    // Tall enough for the console panel to hold every line.
    const t = terminal(119, 70);
    await launch(t, '-s tasks');
    await t.waitFor((s) => s.includes('ended in'), 'the plain run to end');
    t.keys('Space', 'r');
    for (const label of ['create task', 'yield', 'task is a future', 'cancel', 'exception']) {
      await t.waitFor((s) => s.includes(`❚❚ ${label} `), `the run held at '${label}'`);
      // A person takes their time: at 'yield', longer than order-1's 100 ms sleep, which would end
      // meanwhile (and change what is printed next) if the held program's loop turned.
      if (label === 'yield') await new Promise((resolve) => setTimeout(resolve, 200));
      t.keys('n');
    }
    const screen = await t.waitFor((s) => s.includes('ended in'), 'the stepped run to end');
    // The panel cuts a line too long for it with an ellipsis: such a line is the start of the transcript's.
    const printed = panelLines(screen, 'Console').filter((line) => line !== '');
    const asPrinted = printed.map((line, i) => (line.endsWith('…') && transcript[i]?.startsWith(line.slice(0, -1)) ? transcript[i]! : line));
    expect(masked(asPrinted)).toEqual(transcript);
    await quitCleanly(t);
  }, 60_000);
});
