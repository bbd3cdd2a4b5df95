import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const eslint = new ESLint({ cwd: ROOT });

/** The boundary errors ESLint reports for `code` if it were the file at `path`. */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('the import boundaries hold (npm run lint)', () => {
  it.each([
    ['src/runtime/any.ts', "import { render } from 'ink';\nexport const x = render;"],
    ['src/runtime/any.ts', "import { useState } from 'react';\nexport const x = useState;"],
    ['src/runtime/any.ts', "import { strings } from '../view/i18n.js';\nexport const x = strings;"],
    ['src/agent/any.ts', "import { Session } from '../dashboard/session.js';\nexport const x = Session;"],
    ['src/view/any.ts', "import { Run } from '../agent/runner.js';\nexport const x = Run;"],
    ['src/text/any.ts', "import { STATES } from '../runtime/states.js';\nexport const x = STATES;"],
    ['components/Any.tsx', "import { Run } from '../src/agent/runner.js';\nexport const x = Run;"],
    ['components/Any.tsx', "import { STATES } from '../src/runtime/states.js';\nexport const x = STATES;"],
    ['scenarios/any.ts', "import { CancelledError } from '../src/runtime/errors.js';\nexport const x = CancelledError;"],
    ['scenarios/lib/any.ts', "import { Tracker } from '../../src/runtime/tracker.js';\nexport const x = Tracker;"],
  ])('%s may not: %s', async (path, code) => {
    expect(await boundaryErrors(path, code)).toHaveLength(1);
  });

  it.each([
    ['src/runtime/any.ts', "import { setTimeout } from 'node:timers';\nimport { Future } from './future.js';\nexport const x = [Future, setTimeout];"],
    ['components/Any.tsx', "import type { State } from '../src/runtime/states.js';\nexport type X = State;"],
    ['scenarios/any.ts', "import { CancelledError } from '../src/index.js';\nexport const x = CancelledError;"],
    ['src/dashboard/any.ts', "import { Run } from '../agent/runner.js';\nexport const x = Run;"],
  ])('%s may: %s', async (path, code) => {
    expect(await boundaryErrors(path, code)).toEqual([]);
  });
});
