import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { until } from '../helpers/until.js';
import { exited, launch, quitCleanly, terminalFactory } from './shell.js';
import { TmuxTerminal } from './tmux.js';

// A traced command in a real terminal (tmux): an HTTP server under a load generator it forks.

const terminal = terminalFactory();
const FIXTURE = 'test/fixtures/trace/server-under-load.mjs';

/** The traced processes (the command line names the fixture, and is not loopscope's own), as `pid args` lines. */
function fixtureProcesses(): string[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(FIXTURE) && !line.includes('bin/loopscope.js'));
}

describe.skipIf(!TmuxTerminal.available())('a traced command in a real terminal', () => {
  it('shows a loaded HTTP server’s sockets and requests, both processes, and q ends them all, the terminal restored', async () => {
    const t = terminal(160, 48);
    await launch(t, `-- node ${FIXTURE}`);
    // The newest rows first: the handler's promises and timers, as requests keep coming.
    const newest = await t.waitFor(
      (s) => s.includes('Promises & resources · 2 processes (w)') && /handle +promise +pending/.test(s) && /setTimeout 300ms +timer +pending/.test(s),
      'the handlers of the server under load',
      30_000,
    );
    expect(newest).toContain('listening on');
    expect(newest).toMatch(/Code · server-under-load\.mjs/);
    // The first row selected, the list shows its top: the server, its sockets, their requests.
    t.keys('j');
    // A newer socket may be among the newest rows already: the server's row is at the top alone.
    await t.waitFor(
      (s) => /server 127\.0\.0\.1:\S* +server +waiting/.test(s) && /← 127\.0\.0\.1:\S* +socket +waiting/.test(s),
      'the server and its sockets at the top',
    );
    // Its requests come later in creation order: a filter finds them, Esc lets them go.
    t.type('/request');
    await t.waitFor((s) => /GET \/slow +request/.test(s) && !/ socket /.test(s), 'the server’s requests alone');
    t.keys('Escape');
    await t.waitFor((s) => / socket /.test(s), 'every row again');
    // The load generator is a process of its own: w shows each process alone, then its top.
    t.keys('w');
    await t.waitFor((s) => /showing node .*server-under-load\.mjs alone \(1 of 2\)/.test(s), 'the server alone');
    t.keys('w', 'j');
    const second = await t.waitFor((s) => /→ 127\.0\.0\.1:\S* +socket/.test(s), 'the load generator alone, its sockets');
    t.type('/request');
    await t.waitFor((s) => /GET 127\.0\.0\.1\/slow +request/.test(s), 'the load generator’s requests');
    t.keys('Escape');
    expect(second).toMatch(/Promises & resources · node .*server-under-load\.mjs load \d+/);
    expect(second).not.toMatch(/← 127\.0\.0\.1/);
    expect(fixtureProcesses()).toHaveLength(2);
    await quitCleanly(t, 20_000);
    await until(() => fixtureProcesses().length === 0, () => `the traced processes to be gone; still there:\n${fixtureProcesses().join('\n')}`, { timeoutMs: 5_000, everyMs: 50 });
  }, 90_000);

  it('says on screen that a command with no Node in it showed no Node process, and shows its output', async () => {
    const t = terminal(100, 30);
    await launch(t, '-- ls test/fixtures/trace');
    await t.waitFor((s) => s.includes('no Node process was seen') && s.includes('throws.cjs'), 'the notice and the output of ls');
    t.keys('q');
    await t.waitFor(exited(0), 'exit code 0');
  }, 60_000);
});
