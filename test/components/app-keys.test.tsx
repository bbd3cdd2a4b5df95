import { afterEach, describe, expect, it } from 'vitest';
import { findScenario, loadBuiltin } from '../../scenarios/index.js';
import type { LoadedScenario } from '../../src/scenario.js';
import { scenarioOf } from '../helpers/run-scenario.js';
import { closeLiveApps, startApp } from './live-app.js';

const KEY = { right: '\u001B[C', left: '\u001B[D', down: '\u001B[B', escape: '\u001B', ctrlC: '\u0003' };

/** A scenario whose task waits a minute: something to select and cancel. */
const sleeper: LoadedScenario = {
  ...scenarioOf(async (ctx) => {
    const nap = ctx.createTask('nap', async () => {
      await ctx.sleep(60_000);
    });
    try {
      await nap;
    } catch {
      console.log('nap was cancelled');
    }
  }, 'sleeper'),
  summary: { en: 'Sleeps a minute.', es: 'Duerme un minuto.' },
};

afterEach(closeLiveApps);

const start = (scenarios: LoadedScenario[], initial = 0) => startApp({ scenarios, initial });

/** Presses j, one frame at a time, until the footer shows `name` selected. */
async function select(app: ReturnType<typeof start>, name: string): Promise<void> {
  const footer = (frame: string) => frame.split('\n').at(-2)!;
  for (let i = 0; i < 20; i++) {
    const before = footer(app.frame());
    if (before.startsWith(`› ${name} ·`)) return;
    app.press('j');
    await app.until((f) => footer(f) !== before);
  }
  throw new Error(`could not select ${name}:\n${app.frame()}`);
}

const seed = () => loadBuiltin(findScenario('seed')!);
const futures = () => loadBuiltin(findScenario('futures')!);

describe('dashboard keys', () => {
  it('switches scenario by number and by arrow, and every frame fits 80x24 minus one row', async () => {
    const app = start([seed(), sleeper, futures()]);
    await app.until((f) => f.includes('[1 seed]') && f.includes('ended in'));
    app.press('2');
    await app.until((f) => f.includes('[2 sleeper]') && f.includes('nap'));
    expect(app.frame()).toContain('Sleeps a minute.');
    app.press(KEY.right);
    await app.until((f) => f.includes('[3 futures]') && f.includes('your-answer'));
    app.press(KEY.left);
    await app.until((f) => f.includes('[2 sleeper]') && f.includes('nap'));
    const lines = app.frame().split('\n');
    expect(lines.length).toBe(23);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('selects a task and cancels it with c', async () => {
    const app = start([sleeper]);
    await app.until((f) => /nap +task +waiting/.test(f));
    await select(app, 'nap');
    app.press('c');
    const frame = await app.until((f) => /⊘.*nap +task +cancelled/.test(f));
    expect(frame).toContain('» cancel requested for nap');
    await app.until((f) => f.includes('nap was cancelled'));
  });

  it('resolves the future the futures scenario waits for with f', async () => {
    const app = start([futures()]);
    await app.until((f) => f.includes('your-answer') && f.includes('waiting for you'));
    await select(app, 'your-answer');
    app.press('f');
    const frame = await app.until((f) => /✓.*your-ans\S* +fut +resolved/.test(f));
    expect(frame).toContain('» your-answer resolved by you');
    // The scenario's own await saw the value (its console line may already have scrolled away).
    await app.until(() => app.session.run!.tracker.snapshot().logs.some((l) => l.text === "await your-answer -> 'set by you'"));
  });

  it('p shows the Python, ? the help (Esc closes it), l Spanish, + a faster speed', async () => {
    const app = start([seed()]);
    await app.until((f) => f.includes('Code · TypeScript'));
    app.press('p');
    await app.until((f) => f.includes('Code · Python (asyncio)') && /print\(|def |asyncio\./.test(f) && !f.includes('ctx.'));
    app.press('?');
    await app.until((f) => f.includes('Keys') && f.includes('cancel task or future'));
    app.press(KEY.escape);
    await app.until((f) => !f.includes('cancel task or future') && f.includes('Code · Python'));
    app.press('l');
    // The header says the run's state in Spanish: still going, or how it ended.
    await app.until((f) => f.includes('Código · Python') && /● en marcha|✓ terminó en/.test(f));
    app.press('+');
    await app.until((f) => f.includes('2x'));
    expect(app.session.state.speed).toBe(2);
  });

  it('q quits with 0 and Ctrl+C with 130; r alone does not quit', async () => {
    const app = start([seed()]);
    await app.until((f) => f.includes('[1 seed]'));
    app.press('r');
    app.press('q');
    app.press(KEY.ctrlC);
    await app.until(() => app.quits.length === 2);
    expect(app.quits).toEqual([0, 130]);
  });
});
