import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../components/App.js';
import type { LoadedScenario } from '../../src/scenario.js';
import { Session } from '../../src/session.js';
import { DashboardStore } from '../../src/store.js';
import { scenarioOf } from '../helpers/run-scenario.js';
import { plain, waitForFrame } from './render.js';

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

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const app of open.splice(0)) await app.close();
});

/** The bar of the run's main task in the timeline (the first lane under the loop's). */
function mainBar(frame: string): string {
  const lane = frame.split('\n').find((line) => /^│ Task-1 /.test(line));
  return lane?.slice('│ Task-1'.length) ?? '';
}

const count = (text: string, char: string) => text.split(char).length - 1;

describe('step mode', () => {
  it('pauses at each step with its line lit, in TypeScript and Python, and shows the pause as paused', async () => {
    const session = new Session({ scenarios: [stepping], settleMs: 20 });
    const store = new DashboardStore(session);
    const app = render(<App session={session} store={store} onQuit={() => undefined} columns={100} rows={30} />);
    open.push({
      async close() {
        await session.close();
        app.unmount();
        store.dispose();
      },
    });
    session.start();
    const frame = () => plain(app.lastFrame());
    const until = (ok: (f: string) => boolean) => waitForFrame(frame, ok, 8000);
    await until((f) => f.includes('ended in'));
    app.stdin.write(' ');
    await until((f) => f.includes('» step mode on'));
    app.stdin.write('r');

    let screen = await until((f) => f.includes('❚❚ step'));
    expect(screen).toMatch(/▶ +await ctx\.step\(["']first["']\);/);
    expect(screen.match(/▶/g)).toHaveLength(1);
    // While it waits, the wait is drawn as a pause, not as work: the pause takes over the bar.
    screen = await until((f) => count(mainBar(f), '┄') > 2 * count(mainBar(f), '█'));
    expect(screen).not.toContain('│ one');

    app.stdin.write('p');
    screen = await until((f) => f.includes('Code · Python'));
    expect(screen).toMatch(/▶ +print\("one"\) *│/);
    expect(screen).not.toContain('# step');

    app.stdin.write('n');
    screen = await until((f) => /▶ +print\("two"\)/.test(f));
    expect(screen).toContain('│ one');
    expect(screen).not.toContain('│ two');

    app.stdin.write('p');
    screen = await until((f) => f.includes('Code · TypeScript'));
    expect(screen).toMatch(/▶ +await ctx\.step\(["']second["']\);/);

    await new Promise((resolve) => setTimeout(resolve, 300));
    app.stdin.write('n');
    screen = await until((f) => f.includes('ended in'));
    expect(screen).toContain('│ two');
    // Both pauses stay on the timeline once recorded; the work between them was short.
    expect(count(mainBar(screen), '┄')).toBeGreaterThan(count(mainBar(screen), '█'));
  });
});
