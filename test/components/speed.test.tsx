import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../components/App.js';
import { Session } from '../../src/session.js';
import { DashboardStore } from '../../src/store.js';
import { scenarioOf } from '../helpers/run-scenario.js';
import { plain, waitForFrame } from './render.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const app of open.splice(0)) await app.close();
});

/** A task that sleeps 400 scenario ms. */
const napper = scenarioOf(async (ctx) => {
  await ctx.createTask('nap', () => ctx.sleep(400));
}, 'napper');

describe('speed', () => {
  it('at 4x, shows the speed and the real times (about 100 ms), never the scenario’s 400 ms', async () => {
    const session = new Session({ scenarios: [napper], speed: 4, settleMs: 20 });
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
    const frame = await waitForFrame(() => plain(app.lastFrame()), (f) => f.includes('ended in'), 8000);
    expect(frame.split('\n')[0]).toMatch(/ 4x {2}/);
    const elapsed = Number(/nap +task +resolved +(\d+)ms/.exec(frame)?.[1]);
    expect(elapsed).toBeGreaterThanOrEqual(95);
    expect(elapsed).toBeLessThan(300);
    const ended = Number(/ended in (\d+)ms/.exec(frame)?.[1]);
    expect(ended).toBeGreaterThanOrEqual(95);
    expect(ended).toBeLessThan(300);
  });
});
