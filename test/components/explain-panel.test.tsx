import { HeldSnapshot } from '../../src/dashboard/store.js';
import { describe, expect, it } from 'vitest';
import { ExplainPanel } from '../../components/ExplainPanel.js';
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
