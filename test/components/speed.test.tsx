import { afterEach, describe, expect, it } from 'vitest';
import { settingsWith } from '../../src/settings.js';
import { scenarioOf } from '../helpers/run-scenario.js';
import { closeLiveApps, startApp } from './live-app.js';

afterEach(closeLiveApps);

/** A task that sleeps 400 scenario ms. */
const napper = scenarioOf(async (ctx) => {
  await ctx.createTask('nap', () => ctx.sleep(400));
}, 'napper');

describe('speed', () => {
  it('at 4x, shows the speed and the real times (about 100 ms), never the scenario’s 400 ms', async () => {
    const app = startApp({ scenarios: [napper], settings: settingsWith({ speed: 4, interactive: true }) }, 100, 30);
    const frame = await app.until((f) => f.includes('ended in'));
    expect(frame.split('\n')[0]).toMatch(/ 4x {2}/);
    const elapsed = Number(/nap +task +resolved +(\d+)ms/.exec(frame)?.[1]);
    expect(elapsed).toBeGreaterThanOrEqual(95);
    expect(elapsed).toBeLessThan(300);
    const ended = Number(/ended in (\d+)ms/.exec(frame)?.[1]);
    expect(ended).toBeGreaterThanOrEqual(95);
    expect(ended).toBeLessThan(300);
  });
});
