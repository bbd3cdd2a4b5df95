import { HeldSnapshot } from '../../src/dashboard/store.js';
import { describe, expect, it } from 'vitest';
import { Footer } from '../../components/Footer.js';
import { HelpOverlay } from '../../components/HelpOverlay.js';
import { TooSmall } from '../../components/TooSmall.js';
import { appliesIn, keyHelpRows, KEYS } from '../../src/view/keys.js';
import { layoutFor } from '../../src/view/layout.js';
import { dashboard, ENTITIES, entity, runSnapshot } from './fixtures.js';
import { frameAt, frameOf } from './render.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

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

  it('at 80 columns, in both languages, leaves out the hints of the lowest priority first: selecting stays', () => {
    for (const lang of ['en', 'es'] as const) {
      const hints = frameOf(<Footer store={new HeldSnapshot(dashboard({ session: { lang } }))} width={80} />).split('\n')[1]!;
      expect(hints.length).toBeLessThanOrEqual(80);
      expect(hints, lang).toContain(lang === 'en' ? '↑↓/jk select' : '↑↓/jk elegir');
      expect(hints, lang).toMatch(lang === 'en' ? /^1-9\/←→ scenario .*\? help {2}q quit$/ : /^1-9\/←→ escenario .*\? ayuda {2}q salir$/);
      // The speed keys rank last: they go first, whatever their place in the key table.
      expect(hints, lang).not.toContain('+/-');
    }
    const wide = frameAt(<Footer store={new HeldSnapshot(dashboard({ session: { lang: 'es' } }))} width={250} />, 250).split('\n')[1]!;
    expect(wide).toContain('+/- velocidad');
  });

  it('in a replay, hints the replay’s keys', () => {
    const [, hints] = frameOf(<Footer store={new HeldSnapshot(dashboard({ session: { mode: 'replay' } }))} width={80} />).split('\n');
    expect(hints).toMatch(/^space pause {2}←→ seek {2}Home\/End start\/end/);
    expect(hints).toMatch(/\? help {2}q quit$/);
    expect(hints).not.toContain('rerun');
  });

  it('shows what a key did, worded in the current language', () => {
    const snap = dashboard({ session: { lang: 'es', message: (s) => s.cancelRequested('worker-a') } });
    expect(frameOf(<Footer store={new HeldSnapshot(snap)} width={80} />)).toContain('» cancelación pedida para worker-a');
  });

  it('shows the selected entity in full', () => {
    const snap = dashboard({ run: runSnapshot({ entities: ENTITIES }), session: { selectedId: 't6' } });
    expect(frameOf(<Footer store={new HeldSnapshot(snap)} width={80} />)).toContain('› broken · task · rejected · 50ms · ValueError: bad input');
    const es = dashboard({ run: runSnapshot({ entities: ENTITIES }), session: { selectedId: 'f3', lang: 'es' } });
    expect(frameOf(<Footer store={new HeldSnapshot(es)} width={80} />)).toContain('› Future-1 · future · pendiente');
  });

  it('names what is wrong with the selected entity before its value', () => {
    const blocked = entity(1, 'cruncher', 'resolved', { value: '42', warnings: ['blocked', 'never-retrieved'], blockedMs: 230 });
    const snap = dashboard({ run: runSnapshot({ entities: [blocked] }), session: { selectedId: 't1' } });
    expect(frameOf(<Footer store={new HeldSnapshot(snap)} width={100} />)).toContain('› cruncher · task · resolved · 50ms · ⚠ blocked 230ms, unread error · 42');
  });

  it('says why the run failed, in place of the summary', () => {
    const result = { scenario: 'fixture', status: 'failed', ok: false, error: 'Error: thrown at once', wallMs: 1, leaks: [], neverAwaited: [], total: 1 } as const;
    const snap = dashboard({ session: { phase: 'failed', result } });
    expect(frameOf(<Footer store={new HeldSnapshot(snap)} width={80} />).split('\n')[0]).toBe('✗ Error: thrown at once');
  });
});

describe('HelpOverlay', () => {
  const live = KEYS.filter((b) => appliesIn(b, 'live'));
  const notLive = KEYS.filter((b) => !appliesIn(b, 'live'));

  it('lists every binding of the key table', () => {
    const frame = frameOf(<HelpOverlay store={new HeldSnapshot(dashboard())} width={80} height={20} />);
    expect(frame).toMatchSnapshot();
    for (const binding of live) expect(frame).toContain(binding.help.en);
    for (const binding of notLive) expect(frame).not.toContain(binding.help.en);
  });

  it('lists every binding for a traced command, and none for scenarios only', () => {
    const frame = frameOf(<HelpOverlay store={new HeldSnapshot(dashboard({ session: { mode: 'trace' } }))} width={80} height={20} />);
    for (const binding of KEYS.filter((b) => appliesIn(b, 'trace'))) expect(frame).toContain(binding.help.en);
    for (const binding of KEYS.filter((b) => !appliesIn(b, 'trace'))) expect(frame).not.toContain(binding.help.en);
  });

  it('in Spanish', () => {
    const frame = frameOf(<HelpOverlay store={new HeldSnapshot(dashboard({ session: { lang: 'es' } }))} width={80} height={20} />);
    for (const binding of live) expect(frame).toContain(binding.help.es);
  });

  it('in a replay, the replay’s keys: space pauses, ← → seek', () => {
    const frame = frameOf(<HelpOverlay store={new HeldSnapshot(dashboard({ session: { mode: 'replay' } }))} width={80} height={20} />);
    for (const binding of KEYS.filter((b) => appliesIn(b, 'replay'))) expect(frame).toContain(binding.help.en);
    expect(frame).toMatch(/space +pause \/ play/);
    expect(frame).toMatch(/← +back one second/);
    expect(frame).not.toContain('step mode');
  });

  it('at 80x24 and 160x48, in both languages: every binding in full, within the box', () => {
    for (const [columns, rows] of [
      [80, 24],
      [160, 48],
    ] as const) {
      const { width, body } = layoutFor(columns, rows)!;
      for (const lang of ['en', 'es'] as const) {
        const frame = frameAt(<HelpOverlay store={new HeldSnapshot(dashboard({ session: { lang } }))} width={width} height={body} />, columns);
        const lines = frame.split('\n');
        expect(lines).toHaveLength(body);
        for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns);
        for (const row of keyHelpRows(lang, 'live')) expect(frame, `${columns}x${rows} ${lang}`).toMatch(new RegExp(`${escape(row.keys)} +${escape(row.help)} `));
      }
    }
  });
});

describe('TooSmall', () => {
  it("is one line naming both sizes, in a frame as tall as the dashboard's (so a narrower terminal's reflow leaves nothing of the last)", () => {
    const lines = frameOf(<TooSmall store={new HeldSnapshot(dashboard())} columns={60} rows={20} />).split('\n');
    expect(lines).toHaveLength(19);
    const text = lines.filter((l) => l.trim() !== '');
    expect(text).toHaveLength(1);
    expect(text[0]).toContain('80x24');
    expect(text[0]).toContain('60x20');
  });

  it('in full when it fits; narrower than even the short line, wrapped, so both sizes and q still show', () => {
    expect(frameOf(<TooSmall store={new HeldSnapshot(dashboard())} columns={99} rows={20} />).trimEnd()).toBe(
      'loopscope needs at least 80x24; this terminal is 99x20. Enlarge it, or press q to quit.',
    );
    const tiny = frameOf(<TooSmall store={new HeldSnapshot(dashboard())} columns={20} rows={5} />).split('\n');
    expect(tiny).toHaveLength(4);
    expect(tiny.every((l) => l.length <= 20)).toBe(true);
    expect(tiny.map((l) => l.trim()).filter(Boolean).join(' ')).toBe('loopscope needs 80x24, not 20x5; q quits');
  });
});
