import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, expectFrameThenExit, expectTerminalRestored, launch, quitCleanly, terminalFactory } from './shell.js';
import { TmuxTerminal } from './tmux.js';

// --save in the dashboard, then --replay of what it saved, in a real terminal: keys in, screen out.

const terminal = terminalFactory();
const dir = mkdtempSync(join(tmpdir(), 'loopscope-replay-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The header's playback: ▶ or ❚❚, the position and the length as shown. */
function playback(screen: string): { glyph: string; at: string; length: string } | undefined {
  const match = /(▶|❚❚) replay (\S+) \/ (\S+)/.exec(screen.split('\n')[0] ?? '');
  return match ? { glyph: match[1]!, at: match[2]!, length: match[3]! } : undefined;
}

describe.skipIf(!TmuxTerminal.available())('replay in a real terminal', () => {
  it('saves a session of two runs, replays it: space pauses, ← → End Home seek, tab picks the other run, q quits', async () => {
    const path = join(dir, 'session.jsonl');
    const t = terminal(80, 24);
    await launch(t, `--save ${path}`);
    await t.waitFor((s) => s.includes('ended in') && s.includes('elapsed'), 'the seed to end');
    t.keys('3');
    await t.waitFor((s) => s.includes('[3 futures]') && s.includes('your-answer'), 'the futures scenario waiting');
    await quitCleanly(t);
    const starts = readFileSync(path, 'utf8').split('\n').filter((l) => l.includes('"type":"start"'));
    expect(starts.map((l) => (JSON.parse(l) as { scenario: string }).scenario)).toEqual(['seed', 'futures']);

    t.keys('clear', 'Enter');
    // A tenth of the speed: the seed's 0.35 s take 3.5 s, time enough to press keys on the way.
    await launch(t, `--replay ${path} --speed 0.1`);
    const first = await t.waitFor((s) => playback(s)?.glyph === '▶' && s.includes('[1 seed]') && s.includes('2 futures'), 'the replay of the seed');
    expect(first).toMatch(/^space pause {2}←→ seek {2}Home\/End start\/end/m);
    await t.waitFor((s) => s.includes('This is a synchronous function'), 'the first print, at its time');

    t.keys('Space');
    const paused = await t.waitFor((s) => playback(s)?.glyph === '❚❚', 'the pause');
    const at = playback(paused)!.at;
    // Two repaints later (another speed, another language) the position has not moved.
    t.keys('+');
    const faster = await t.waitFor((s) => /0\.25x/.test(s.split('\n')[0]!), 'the faster speed');
    expect(playback(faster)).toMatchObject({ glyph: '❚❚', at });
    t.keys('l');
    const spanish = await t.waitFor((s) => s.includes('repetición'), 'the header in Spanish');
    expect(/❚❚ repetición (\S+) \//.exec(spanish)![1]).toBe(at);
    t.keys('l');
    await t.waitFor((s) => playback(s) !== undefined, 'the header in English');

    // → by a second is past this run's end: the screen as the run ended.
    t.keys('Right');
    const end = await t.waitFor((s) => s.includes('ended in') && s.includes('nothing left alive'), 'the end state');
    expect(playback(end)!.at).toBe(playback(end)!.length);
    expect(end).toContain('elapsed');
    expect(end).toMatch(/Task-2 +task resolved/);
    t.keys('Left');
    // The header is the first row drawn: the rows below may still be the last frame's for a moment.
    await t.waitFor((s) => playback(s)?.at === '0.0ms' && !s.includes('elapsed') && !s.includes('ended in'), 'the start, nothing of the end left');
    t.keys('End');
    await t.waitFor((s) => s.includes('ended in') && playback(s)?.at === playback(s)?.length, 'the end again');
    t.keys('Home');
    await t.waitFor((s) => playback(s)?.at === '0.0ms' && !s.includes('ended in'), 'the start again');

    t.keys('Tab');
    await t.waitFor((s) => s.includes('[2 futures]') && s.includes('A future is an empty box'), 'the second run');
    t.keys('End');
    await t.waitFor((s) => s.includes('stopped after') && s.includes('your-answer'), 'the futures run as it was stopped');

    t.keys('q');
    expectFrameThenExit(await t.waitFor(exited(0), 'exit code 0'), 0);
    await expectTerminalRestored(t);
  }, 90_000);
});
