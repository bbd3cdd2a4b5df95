import { HeldSnapshot } from '../../src/dashboard/store.js';
import { describe, expect, it } from 'vitest';
import { Footer } from '../../components/Footer.js';
import { HelpOverlay } from '../../components/HelpOverlay.js';
import { TooSmall } from '../../components/TooSmall.js';
import { KEYS } from '../../src/view/keys.js';
import { dashboard, ENTITIES, FIXTURE_SCENARIO, runSnapshot } from './fixtures.js';
import { frameOf } from './render.js';

describe('Footer', () => {
  it('shows the summary and the key hints that fit, always ending with help and quit', () => {
    const frame = frameOf(<Footer store={new HeldSnapshot(dashboard())} width={80} />);
    expect(frame).toMatchSnapshot();
    const [summary, hints] = frame.split('\n');
    expect(summary).toBe('A fixture scenario: one task, one future.');
    expect(hints!.length).toBeLessThanOrEqual(80);
    expect(hints).toMatch(/^1-9\/←→ scenario {2}r rerun/);
    expect(hints).toMatch(/\? help {2}q quit$/);
  });

  it('shows what a key did, worded in the current language', () => {
    const snap = dashboard({ session: { lang: 'es', message: (s) => s.cancelRequested('worker-a') } });
    expect(frameOf(<Footer store={new HeldSnapshot(snap)} width={80} />)).toContain('» cancelación pedida para worker-a');
  });

  it('shows the selected entity in full', () => {
    const snap = dashboard({ run: runSnapshot({ entities: ENTITIES }), session: { selectedId: 't6' } });
    expect(frameOf(<Footer store={new HeldSnapshot(snap)} width={80} />)).toContain('› broken · task · rejected · 50ms · ValueError: bad input');
  });

  it('says why the run failed, in place of the summary', () => {
    const result = { scenario: 'fixture', status: 'failed', ok: false, error: 'Error: thrown at once', wallMs: 1, leaks: [], neverAwaited: [], total: 1 } as const;
    const snap = dashboard({ session: { phase: 'failed', result } });
    expect(frameOf(<Footer store={new HeldSnapshot(snap)} width={80} />).split('\n')[0]).toBe('✗ Error: thrown at once');
  });
});

describe('HelpOverlay', () => {
  const forScenarios = KEYS.filter((b) => b.only !== 'trace');
  const forTraces = KEYS.filter((b) => b.only !== 'scenario');
  const traced = { ...FIXTURE_SCENARIO, id: 'trace', command: ['node', 'app.mjs'] };

  it('lists every binding of the key table for a scenario, and none for traced commands only', () => {
    const frame = frameOf(<HelpOverlay store={new HeldSnapshot(dashboard())} width={80} height={20} />);
    expect(frame).toMatchSnapshot();
    for (const binding of forScenarios) expect(frame).toContain(binding.help.en);
    for (const binding of KEYS.filter((b) => b.only === 'trace')) expect(frame).not.toContain(binding.help.en);
  });

  it('lists every binding for a traced command, and none for scenarios only', () => {
    const frame = frameOf(<HelpOverlay store={new HeldSnapshot(dashboard({ session: { scenario: traced } }))} width={80} height={20} />);
    for (const binding of forTraces) expect(frame).toContain(binding.help.en);
    for (const binding of KEYS.filter((b) => b.only === 'scenario')) expect(frame).not.toContain(binding.help.en);
  });

  it('in Spanish', () => {
    const frame = frameOf(<HelpOverlay store={new HeldSnapshot(dashboard({ session: { lang: 'es' } }))} width={80} height={20} />);
    for (const binding of forScenarios) expect(frame).toContain(binding.help.es);
  });
});

describe('TooSmall', () => {
  it('is one line naming both sizes', () => {
    const frame = frameOf(<TooSmall store={new HeldSnapshot(dashboard())} columns={60} rows={20} />);
    expect(frame.split('\n')).toHaveLength(1);
    expect(frame).toContain('80x24');
    expect(frame).toContain('60x20');
  });

  it('in full when it fits; narrower than even the short line, wrapped, so both sizes and q still show', () => {
    expect(frameOf(<TooSmall store={new HeldSnapshot(dashboard())} columns={99} rows={20} />)).toBe(
      'loopscope needs at least 80x24; this terminal is 99x20. Enlarge it, or press q to quit.',
    );
    const tiny = frameOf(<TooSmall store={new HeldSnapshot(dashboard())} columns={20} rows={5} />).split('\n');
    expect(tiny.length).toBeLessThanOrEqual(4);
    expect(tiny.every((l) => l.length <= 20)).toBe(true);
    expect(tiny.map((l) => l.trim()).join(' ')).toBe('loopscope needs 80x24, not 20x5; q quits');
  });
});
