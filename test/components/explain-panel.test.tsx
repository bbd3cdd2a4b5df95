import { HeldSnapshot } from '../../src/dashboard/store.js';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../components/App.js';
import { ExplainPanel } from '../../components/ExplainPanel.js';
import { findScenario, loadBuiltin, SCENARIOS } from '../../scenarios/index.js';
import { Session } from '../../src/dashboard/session.js';
import { closeLiveApps, startApp } from './live-app.js';
import { dashboard, FIXTURE_SCENARIO } from './fixtures.js';
import { frameOf } from './render.js';

const scenario = {
  ...FIXTURE_SCENARIO,
  title: { en: 'Futures', es: 'Futures ES' },
  explain: {
    en: ['A future starts pending: no result, no exception.', 'A timer sets the result later.', 'A future settles once.'],
    es: ['Un future nace pending.', 'Un timer le pone el resultado.', 'Un future se completa una vez.'],
  },
};

describe('ExplainPanel', () => {
  it('shows the first page of the explanation under “What to notice”, wrapped to the panel', () => {
    const frame = frameOf(<ExplainPanel store={new HeldSnapshot(dashboard({ session: { scenario } }))} width={30} height={6} />);
    expect(frame).toContain('What to notice');
    expect(frame).toContain('1/2');
    expect(frame).toContain('│ • A future starts pending: │');
    expect(frame).toContain('│   no result, no exception. │');
    expect(frame).not.toContain('settles once');
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(30);
  });

  it('on a tour, shows the scenario’s title and turns the pages in the time the scenario is on screen', () => {
    const at = (ms: number, lang: 'en' | 'es' = 'en') =>
      frameOf(<ExplainPanel store={new HeldSnapshot(dashboard({ at: 1000 + ms, session: { scenario, lang, tour: { since: 1000, ms: 8000 } } }))} width={30} height={6} />);
    expect(at(100)).toContain('Futures');
    expect(at(100)).not.toContain('What to notice');
    expect(at(100)).toContain('• A future starts pending');
    expect(at(4100)).toContain('• A future settles once.');
    expect(at(4100)).toContain('2/2');
    expect(at(100, 'es')).toContain('Futures ES');
  });
});

/** The words of a text, in order, whatever the wrapping and the borders between them. */
const words = (text: string) => text.replace(/[│╭╮╰╯─•]/g, ' ').split(/\s+/).filter(Boolean).join(' ');

describe('the explanation at 80x24 (p after the Python)', () => {
  const session = new Session({ scenarios: SCENARIOS.map(loadBuiltin) });

  it('shows every scenario’s whole explanation in place of the panels, in both languages', () => {
    SCENARIOS.forEach((scenario, index) => {
      for (const lang of ['en', 'es'] as const) {
        const snap = dashboard({ session: { index, scenario: loadBuiltin(scenario), lang, code: 'python', explainOpen: true } });
        const frame = frameOf(<App session={session} store={new HeldSnapshot(snap)} columns={80} rows={24} interactive={false} />);
        const lines = frame.split('\n');
        expect(lines).toHaveLength(23);
        expect(lines[1], `${scenario.id} ${lang}`).toMatch(lang === 'en' ? /^╭─ What to notice ─+╮$/ : /^╭─ Qué observar ─+╮$/);
        // Every bullet in full: the pages are one.
        expect(words(frame)).toContain(words(scenario.explain[lang].join(' ')));
      }
    });
  });
});

afterEach(closeLiveApps);

describe('p: TypeScript, Python, the explanation', () => {
  it('cycles through the three at 80x24, Esc closing the explanation', async () => {
    const seed = loadBuiltin(findScenario('seed')!);
    const app = startApp({ scenarios: [seed] });
    const title = (f: string) => f.split('\n')[1]!;
    await app.until((f) => title(f).includes('Code · TypeScript'));
    app.press('p');
    await app.until((f) => title(f).includes('Code · Python (asyncio)'));
    app.press('p');
    let frame = await app.until((f) => title(f).includes('What to notice'));
    expect(words(frame)).toContain(words(seed.explain.en.join(' ')));
    expect(frame).not.toContain('Timeline');
    app.press('p');
    await app.until((f) => title(f).includes('Code · TypeScript') && f.includes('Timeline'));
    app.press('p');
    app.press('p');
    app.press('l');
    frame = await app.until((f) => title(f).includes('Qué observar'));
    expect(words(frame)).toContain(words(seed.explain.es.join(' ')));
    app.press('\u001B');
    await app.until((f) => title(f).includes('Código · Python'));
  });
});
