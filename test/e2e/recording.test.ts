import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenarios/index.js';
import { plain } from '../components/render.js';
import { exited, quitCleanly, terminalFactory } from './shell.js';
import { TmuxTerminal } from './tmux.js';

// --record in a real terminal: the file is a valid asciicast, and playing it back in a terminal
// of the same size ends on the very screen the real terminal showed.

const terminal = terminalFactory();
const dir = mkdtempSync(join(tmpdir(), 'loopscope-cast-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(t: TmuxTerminal, command: string): Promise<void> {
  await t.waitFor((s) => s.includes('ready$'), 'the shell');
  t.type(command);
  t.keys('Enter');
}

type CastEvent = [number, 'o' | 'r', string];

/** A cast file, checked line by line: a JSON header, then events with times that never go back. */
function readCast(path: string): { header: Record<string, unknown>; events: CastEvent[]; output: string } {
  const lines = readFileSync(path, 'utf8').split('\n');
  expect(lines.pop()).toBe('');
  const header = JSON.parse(lines[0]!) as Record<string, unknown>;
  const events = lines.slice(1).map((line) => JSON.parse(line) as CastEvent);
  let last = 0;
  for (const [t, code, data] of events) {
    expect(typeof t).toBe('number');
    expect(t).toBeGreaterThanOrEqual(last);
    expect(['o', 'r']).toContain(code);
    expect(typeof data).toBe('string');
    last = t;
  }
  return { header, events, output: events.flatMap(([, code, data]) => (code === 'o' ? [data] : [])).join('') };
}

/** The dashboard's last frame on a screen: the 23 rows from its last header, trailing spaces cut. */
function lastFrame(screen: string): string[] {
  const lines = screen.split('\n');
  const top = lines.findLastIndex((line) => line.startsWith('loopscope '));
  expect(top).toBeGreaterThanOrEqual(0);
  return lines.slice(top, top + 23).map((line) => line.trimEnd());
}

/** SGR colours: 30-37 and 40-47, 90-97 and 100-107, 38;… and 48;… (39 and 49 only reset them). */
const COLOUR = /\u001B\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;

describe.skipIf(!TmuxTerminal.available())('recording in a real terminal', () => {
  it('--autoplay 1 --record: the whole tour in a valid asciicast, whose replay ends on the screen the terminal shows', async () => {
    const cast = join(dir, 'tour.cast');
    const t = terminal(80, 24);
    const started = Date.now();
    await run(t, `node bin/loopscope.js --autoplay 1 --record ${cast}; echo "__EXIT_$?__"`);
    await t.waitFor(exited(0), 'the tour to end by itself with 0', 90_000);
    const shown = lastFrame(t.screenWithHistory(40));

    const { header, events, output } = readCast(cast);
    expect(header).toMatchObject({ version: 2, width: 80, height: 24, env: { TERM: 'xterm-256color' } });
    expect(Math.abs((header.timestamp as number) - started / 1000)).toBeLessThan(30);
    expect(events.every(([, code]) => code === 'o')).toBe(true);
    // Every scenario, in key order, each for about a second.
    const text = plain(output);
    const at = SCENARIOS.map((s, i) => text.indexOf(i < 9 ? `[${i + 1} ${s.id}]` : `[${s.id}]`));
    for (let i = 0; i < at.length; i++) expect(at[i], SCENARIOS[i]!.id).toBeGreaterThan(i > 0 ? at[i - 1]! : -1);
    expect(events.at(-1)![0]).toBeGreaterThanOrEqual(SCENARIOS.length);
    // No frame as tall as the terminal: Ink never had to clear the screen (it would flicker).
    expect(output).not.toMatch(/\u001B\[2J|\u001B\[3J|\u001Bc/);
    expect(output).toMatch(COLOUR);
    // The way out is in the file too: the last frame, then the cursor shown again.
    expect(output.endsWith('\u001B[?25h')).toBe(true);

    const replay = join(dir, 'tour.out');
    writeFileSync(replay, output);
    const player = terminal(80, 24);
    // Output processing off, as in a player: a line feed without its carriage return would show.
    await run(player, `clear; stty -opost; cat ${replay}; read -r`);
    const replayed = lastFrame(await player.waitFor((s) => s.includes('[rush-hour]') && s.includes('╰'), 'the replay'));
    expect(replayed).toHaveLength(23);
    expect(replayed).toEqual(shown);
  }, 120_000);

  it('with NO_COLOR, a recording without a single colour code; resizes are recorded', async () => {
    const cast = join(dir, 'mono.cast');
    const t = terminal(80, 24);
    await run(t, `NO_COLOR=1 node bin/loopscope.js --record ${cast}; echo "__EXIT_$?__"`);
    await t.waitFor((s) => s.includes('ended in'), 'the seed to end');
    t.resize(100, 30);
    await t.waitFor((s) => s.split('\n').some((line) => line.length === 100 && line.startsWith('╰')), 'a frame 100 wide');
    await quitCleanly(t);
    const { header, events, output } = readCast(cast);
    expect(header).toMatchObject({ width: 80, height: 24 });
    expect(plain(output)).toContain('Tasks & futures');
    expect(output).not.toMatch(COLOUR);
    const resize = events.findIndex(([, code, data]) => code === 'r' && data === '100x30');
    expect(resize).toBeGreaterThan(0);
    expect(events.slice(resize + 1).some(([, code, data]) => code === 'o' && data.includes('╭─'))).toBe(true);
  }, 60_000);
});
