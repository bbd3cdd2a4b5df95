import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectFrameThenExit, expectTerminalRestored, exited, launch, logicalLines, panelLines, quitCleanly, terminalFactory } from './shell.js';
import { TmuxTerminal } from './tmux.js';

// The real program in a real terminal (tmux): keys in, screen out, and the terminal afterwards.

const terminal = terminalFactory();

describe.skipIf(!TmuxTerminal.available())('dashboard in a real terminal', () => {
  it('draws the seed at 80x24, switches scenario on a key, and q exits 0 leaving the terminal as it was', async () => {
    const t = terminal(80, 24);
    await launch(t);
    const first = await t.waitFor((s) => s.includes('[1 seed]') && s.includes('Tasks & futures'), 'the first frame');
    // The frame stays one row shorter than the terminal: the last row is left free.
    expect(first.split('\n')[23] ?? '').toBe('');
    await t.waitFor((s) => s.includes('ended in') && s.includes('Async Result: Test'), 'the seed to end');
    t.keys('3');
    const futures = await t.waitFor((s) => s.includes('[3 futures]') && s.includes('your-answer'), 'the futures scenario');
    expect(futures).toContain('A future is an empty box');
    const lines = futures.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    // Each repaint replaced the one before: one frame on screen, starting at the top.
    expect(lines[0]).toMatch(/^loopscope /);
    expect(lines.filter((l) => l.includes('Tasks & futures'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('╭─ Timeline'))).toHaveLength(1);
    t.keys('q');
    expectFrameThenExit(await t.waitFor(exited(0), 'exit code 0'), 0);
    await expectTerminalRestored(t);
  }, 60_000);

  it('Ctrl+C exits 130, SIGTERM 143 and SIGHUP 129, each restoring the terminal', async () => {
    const t = terminal(80, 24);
    // Being killed by the signal would give the same shell status: the exit log shows the
    // app handled it and exited by itself.
    const dir = mkdtempSync(join(tmpdir(), 'loopscope-exit-'));
    const log = join(dir, 'exit.log');
    const env = `NODE_OPTIONS=--import=./test/e2e/fixtures/report-exit.mjs LOOPSCOPE_TEST_EXIT_LOG=${log}`;
    const exits = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);
    try {
      await launch(t, '', env);
      await t.waitFor((s) => s.includes('[1 seed]'), 'the first frame');
      t.keys('C-c');
      expectFrameThenExit(await t.waitFor(exited(130), 'exit code 130'), 130);
      await expectTerminalRestored(t);
      t.keys('clear', 'Enter');
      await launch(t, '-s futures', env);
      await t.waitFor((s) => s.includes('your-answer'), 'the futures scenario waiting');
      const pid = t.foregroundPid();
      expect(pid).toBeGreaterThan(0);
      process.kill(pid!, 'SIGTERM');
      expectFrameThenExit(await t.waitFor(exited(143), 'exit code 143'), 143);
      await expectTerminalRestored(t);
      t.keys('clear', 'Enter');
      await launch(t, '', env);
      await t.waitFor((s) => s.includes('[1 seed]'), 'the first frame');
      process.kill(t.foregroundPid()!, 'SIGHUP');
      expectFrameThenExit(await t.waitFor(exited(129), 'exit code 129'), 129);
      await expectTerminalRestored(t);
      expect(exits()).toEqual(['exit 130', 'exit 143', 'exit 129']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.each([
    ['an Error', 'throw-later', 'Error: boom after the run', 'Error: boom after the run'],
    ['a string, with no stack', 'throw-value-later', 'boom after the run', "'boom after the run'"],
  ])("a --file program's uncaught error after its main returned (%s) ends its process as under node: the console shows what Node printed, the run failed, r reruns", async (_what, file, printed, error) => {
    // Tall enough for Node's whole print in the console panel. (loopscope's own crashes: reliability.test.ts)
    const t = terminal(80, 40);
    await launch(t, `--file test/e2e/fixtures/${file}.mjs`);
    const failed = (s: string) => s.includes(`✗ Uncaught exception: ${error}`);
    const lines = panelLines(await t.waitFor(failed, 'the run to fail'), 'Console');
    expect(lines).toContain(printed);
    expect(lines.slice(-3)).toEqual(['', expect.stringMatching(/^Node\.js v\d+/), 'process exited with code 1']);
    // Still drawing and answering keys: r runs it again (a fresh console), and it fails again.
    t.keys('r');
    // The header counts the runs: the second one, failed too (it fails in a few ms, too fast to see running).
    await t.waitFor((s) => s.includes('run 2') && failed(s), 'the run to fail again');
    t.keys('q');
    expectFrameThenExit(await t.waitFor(exited(0), 'exit code 0'), 0);
    await expectTerminalRestored(t);
  }, 60_000);

  it('shows a one-line notice in a terminal smaller than 80x24, and the panels again once it grows', async () => {
    const t = terminal(70, 20);
    await launch(t);
    await t.waitFor((s) => /needs (at least )?80x24/.test(s) && s.includes('70x20'), 'the notice');
    t.resize(100, 30);
    await t.waitFor((s) => s.includes('Tasks & futures') && !s.includes('needs at least'), 'the panels after growing');
    await quitCleanly(t);
  }, 60_000);

  it('is coloured by default and has no colour at all with NO_COLOR', async () => {
    // SGR colours: 30-37 and 40-47, 90-97 and 100-107, 38;… and 48;… (39 and 49 only reset them).
    const colour = /\u001B\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;
    const t = terminal(80, 24);
    await launch(t);
    await t.waitFor((s) => s.includes('ended in'), 'the seed to end');
    expect(t.styledScreen()).toMatch(colour);
    await quitCleanly(t);
    t.keys('clear', 'Enter');
    await t.waitFor((s) => !s.includes('__EXIT_0__'), 'a clear screen');
    await launch(t, '', 'NO_COLOR=1');
    await t.waitFor((s) => s.includes('ended in'), 'the seed to end, without colour');
    expect(t.styledScreen()).not.toMatch(colour);
    await quitCleanly(t);
  }, 60_000);

  it('draws live in a shell that sets CI=true (Ink alone would hold every frame back until exit)', async () => {
    const t = terminal(80, 24);
    await launch(t, '-s futures', 'CI=true');
    // Task-1 waits on a future nobody sets: the run is still going when its frame is on screen.
    await t.waitFor((s) => s.includes('[3 futures]') && s.includes('your-answer'), 'the futures scenario, drawn while it runs');
    await quitCleanly(t);
  }, 60_000);

  it('runs headless, saying so in one line, when stdin is not a terminal', async () => {
    const t = terminal(80, 24);
    await launch(t, '< /dev/null');
    const screen = await t.waitFor(exited(0), 'exit code 0');
    expect(screen).toContain('loopscope: stdin is not a terminal; running headless instead');
    expect(screen).toContain('Sync Results: Test');
  }, 60_000);

  it('runs headless, saying so in one line, with TERM=dumb; --record and --autoplay exit 2 there, leaving no file', async () => {
    const t = terminal(80, 24);
    const dir = mkdtempSync(join(tmpdir(), 'loopscope-dumb-'));
    const cast = join(dir, 'demo.cast');
    try {
      await launch(t, '', 'TERM=dumb');
      const screen = await t.waitFor(exited(0), 'exit code 0');
      expect(screen).toContain('loopscope: TERM=dumb cannot draw the dashboard; running headless instead');
      expect(screen).toContain('Sync Results: Test');
      expect(screen).not.toContain('Tasks & futures');
      for (const [args, flag] of [[`--record ${cast}`, '--record'], ['--autoplay 1', '--autoplay']]) {
        t.keys('clear', 'Enter');
        await t.waitFor((s) => !s.includes('__EXIT_'), 'a clear screen');
        await launch(t, args, 'TERM=dumb');
        const refused = await t.waitFor(exited(2), `${flag}: exit code 2`);
        expect(logicalLines(refused, 80)).toContain(
          `loopscope: ${flag} shows the dashboard, which needs a terminal (TERM=dumb cannot draw the dashboard); run it in a terminal that can draw, such as xterm`,
        );
      }
      expect(existsSync(cast)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
