import { describe, expect, it } from 'vitest';
import { scenarioThatThrew } from '../src/dashboard/fault-origin.js';
import { loadScenarioFile } from '../src/cli/load-file.js';
import type { Ctx } from '../src/agent/context.js';
import { scenarioOf } from './helpers/run-scenario.js';

// After a run has ended, an uncaught error is the scenario's only if its stack names the file the
// scenario came from; anything else is loopscope's own (and ends the app as a crash).

/** What calling the scenario throws, with its real stack. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('it did not throw');
}

describe('scenarioThatThrew', () => {
  it('names the --file scenario whose module threw, loaded as .mjs or through tsx as .ts', async () => {
    const mjs = await loadScenarioFile('test/fixtures/faults/throws.mjs');
    const ts = await loadScenarioFile('test/fixtures/faults/throws-ts.ts');
    expect(scenarioThatThrew(thrownBy(() => mjs.run({} as Ctx)), [ts, mjs])).toBe(mjs);
    expect(scenarioThatThrew(thrownBy(() => ts.run({} as Ctx)), [mjs, ts])).toBe(ts);
    expect(scenarioThatThrew(new Error('ours'), [ts, mjs])).toBeUndefined();
  });

  it('names a file seen in a stack as a path or as a file URL, and nothing for a non-error', () => {
    const late = { ...scenarioOf(async () => undefined, 'late'), file: '/home/me/late scenario.ts' };
    const asUrl = Object.assign(new Error('x'), { stack: 'Error: x\n    at Timeout._onTimeout (file:///home/me/late%20scenario.ts:4:11)' });
    const asPath = Object.assign(new Error('x'), { stack: 'Error: x\n    at Timeout._onTimeout (/home/me/late scenario.ts:4:11)' });
    const elsewhere = Object.assign(new Error('x'), { stack: 'Error: x\n    at tick (/opt/loopscope/dist/cli.js:10:1)' });
    expect(scenarioThatThrew(asUrl, [late])).toBe(late);
    expect(scenarioThatThrew(asPath, [late])).toBe(late);
    expect(scenarioThatThrew(elsewhere, [late])).toBeUndefined();
    expect(scenarioThatThrew('a string', [late])).toBeUndefined();
    // A built-in scenario has no file: nothing is ever blamed on it this way.
    expect(scenarioThatThrew(asPath, [scenarioOf(async () => undefined)])).toBeUndefined();
  });
});
