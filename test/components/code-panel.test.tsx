import { HeldSnapshot } from '../../src/dashboard/store.js';
import { describe, expect, it } from 'vitest';
import { CodePanel } from '../../components/CodePanel.js';
import { dashboard, runSnapshot } from './fixtures.js';
import { frameOf } from './render.js';

describe('CodePanel', () => {
  it('shows the run(ctx) body in TypeScript with the line of the current step marked', () => {
    const snap = dashboard({ run: runSnapshot({ step: { t: 5, label: 'wait', line: 7 } }) });
    const frame = frameOf(<CodePanel store={new HeldSnapshot(snap)} width={50} height={8} />);
    expect(frame).toMatchSnapshot();
    expect(frame).toMatch(/▶ {3}await ctx\.step\('wait'\);/);
    expect(frame).not.toContain('defineScenario');
    expect(frame).toContain('Code · TypeScript');
  });

  it('shows the Python the scenario mirrors, without its # step markers, the same step marked', () => {
    const snap = dashboard({ session: { code: 'python' }, run: runSnapshot({ step: { t: 5, label: 'wait', line: 7 } }) });
    const frame = frameOf(<CodePanel store={new HeldSnapshot(snap)} width={50} height={8} />);
    expect(frame).toMatchSnapshot();
    expect(frame).toMatch(/▶ {5}await f\s/);
    expect(frame).not.toContain('# step');
    expect(frame).toContain('Python (asyncio)');
  });

  it('does not mark a step of the previous scenario while the next one starts', () => {
    const snap = dashboard({ runScenario: 'other', run: runSnapshot({ step: { t: 5, label: 'wait', line: 7 } }) });
    expect(frameOf(<CodePanel store={new HeldSnapshot(snap)} width={50} height={8} />)).not.toContain('▶');
  });
});
