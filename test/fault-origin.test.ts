import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lateFaultOwner, scenarioThatThrew, thrownText } from '../src/dashboard/fault-origin.js';
import { ROOT } from './helpers/cli.js';
import { loadScenarioFile } from '../src/cli/load-file.js';
import type { Ctx } from '../src/agent/context.js';
import { scenarioOf } from './helpers/run-scenario.js';

// After a run has ended, an uncaught Error is the scenario's only if its stack names the file the
// scenario came from; a thrown value that is not an Error is the --file program's, loopscope
// throwing Errors only. Anything else is loopscope's own (and ends the app as a crash).

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

describe('lateFaultOwner', () => {
  const builtin = scenarioOf(async () => undefined, 'builtin');
  const mine = { ...scenarioOf(async () => undefined, 'mine'), file: '/home/me/mine.mjs' };

  it('gives a thrown value that is not an Error to the --file program: loopscope throws Errors only', () => {
    for (const thrown of ['boom', 42, {}, undefined, null, Object.create(null), Symbol('late')]) {
      expect(lateFaultOwner(thrown, [mine]), String(typeof thrown)).toBe(mine);
    }
  });

  it('with no --file program loaded, gives nothing away: a non-Error then is loopscope’s own bug', () => {
    expect(lateFaultOwner('boom', [builtin])).toBeUndefined();
  });

  it('still judges an Error by its stack', () => {
    expect(lateFaultOwner(new Error('ours'), [mine])).toBeUndefined();
    const theirs = Object.assign(new Error('x'), { stack: 'Error: x\n    at Timeout._onTimeout (/home/me/mine.mjs:4:11)' });
    expect(lateFaultOwner(theirs, [builtin, mine])).toBe(mine);
  });

  it('the rule holds: nothing in loopscope’s own code throws or rejects with a literal', () => {
    // An Error is made with new; a literal ('boom', 42, {}) thrown here would be blamed on the program.
    const literal = /\b(?:throw|reject\()\s*(?:['"`{[\d]|-\d|null\b|undefined\b|true\b|false\b)/;
    const offenders: string[] = [];
    for (const folder of ['src', 'components']) {
      for (const file of readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })) {
        if (!/\.tsx?$/.test(file)) continue;
        readFileSync(join(ROOT, folder, file), 'utf8').split('\n').forEach((line, i) => {
          if (literal.test(line) && !line.trimStart().startsWith('//')) offenders.push(`${folder}/${file}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('thrownText', () => {
  it('shows an Error by name and message, anything else as code writes it', () => {
    expect(thrownText(new TypeError('late'))).toBe('TypeError: late');
    expect(thrownText('boom')).toBe("'boom'");
    expect(thrownText(42)).toBe('42');
    expect(thrownText({})).toBe('{}');
    expect(thrownText(undefined)).toBe('undefined');
    // No String() of it, which throws for an object with no prototype.
    expect(thrownText(Object.create(null))).toBe('[Object: null prototype] {}');
  });
});
