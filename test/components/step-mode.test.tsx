import { afterEach, describe, expect, it } from 'vitest';
import type { LoadedScenario } from '../../src/scenario.js';
import { scenarioOf } from '../helpers/run-scenario.js';
import { closeLiveApps, startApp } from './live-app.js';

/** Two steps, and the Python they mirror with the same labels. */
const stepping: LoadedScenario = {
  ...scenarioOf(async (ctx) => {
    await ctx.sleep(10);
    await ctx.step('first');
    console.log('one');
    await ctx.step('second');
    console.log('two');
  }, 'stepping'),
  python: ['async def main():', '    await asyncio.sleep(0.01)', '    print("one")  # step: first', '    print("two")  # step: second'].join('\n'),
};

afterEach(closeLiveApps);

/** The bar of the run's main task in the timeline (the first lane under the loop's). */
function mainBar(frame: string): string {
  const lane = frame.split('\n').find((line) => /^│ Task-1 /.test(line));
  return lane?.slice('│ Task-1'.length) ?? '';
}

const count = (text: string, char: string) => text.split(char).length - 1;

/** The last quarter of the main task's bar: the latest stretch of the run. */
function latest(frame: string): string {
  const bar = mainBar(frame).replace(/│\s*$/, '').trim();
  return bar.slice(-Math.floor(bar.length / 4));
}

describe('step mode', () => {
  it('pauses at each step with its line lit, in TypeScript and Python, and shows the pause as paused', async () => {
    const app = startApp({ scenarios: [stepping] }, 100, 30);
    const until = app.until;
    await until((f) => f.includes('ended in'));
    app.press(' ');
    await until((f) => f.includes('» step mode on'));
    app.press('r');

    let screen = await until((f) => f.includes('❚❚ paused at first'));
    expect(screen).toMatch(/▶ +await ctx\.step\(["']first["']\);/);
    expect(screen.match(/▶/g)).toHaveLength(1);
    // While it waits, the wait is drawn as a pause, not as work: the pause takes over the bar.
    screen = await until((f) => count(mainBar(f), '┄') > 2 * count(mainBar(f), '█'));
    expect(screen).not.toContain('│ one');

    app.press('p');
    screen = await until((f) => f.includes('Code · Python'));
    expect(screen).toMatch(/▶ +print\("one"\) *│/);
    expect(screen).not.toContain('# step');

    app.press('n');
    screen = await until((f) => /▶ +print\("two"\)/.test(f));
    expect(screen).toContain('│ one');
    expect(screen).not.toContain('│ two');

    // p goes on to the explanation, in place of the panels, then back to the TypeScript.
    app.press('p');
    await until((f) => f.includes('What to notice'));
    app.press('p');
    screen = await until((f) => f.includes('Code · TypeScript'));
    expect(screen).toMatch(/▶ +await ctx\.step\(["']second["']\);/);

    // The second wait, too, is drawn as a pause before it ends: once it is half of the run, the
    // latest quarter of the bar is all pause (drawn as work, it would be █).
    const tracker = app.session.run!.tracker;
    const secondFrom = tracker.now();
    await until((f) => tracker.now() > 2 * secondFrom + 50 && /^┄+$/.test(latest(f)));
    app.press('n');
    screen = await until((f) => f.includes('ended in'));
    expect(screen).toContain('│ two');
    // Both pauses stay on the timeline once recorded; the work between them was short.
    expect(count(mainBar(screen), '┄')).toBeGreaterThan(count(mainBar(screen), '█'));
    expect(tracker.snapshot().marks.filter((m) => m.kind === 'paused')).toHaveLength(2);
  });
});
