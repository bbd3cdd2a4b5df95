import { describe, expect, it } from 'vitest';
import { App } from '../components/App.js';
import { loadBuiltin, SCENARIOS } from '../scenarios/index.js';
import { initialState, Session, type SessionState } from '../src/dashboard/session.js';
import { dashboardSnapshot, HeldSnapshot } from '../src/dashboard/store.js';
import { stepLines } from '../src/scenario.js';
import { settingsWith } from '../src/settings.js';
import { layoutFor } from '../src/view/layout.js';
import { dashboard, ENTITIES, FIXTURE_SCENARIO, QUIET_LOOP, runSnapshot } from './components/fixtures.js';
import { frameAt } from './components/render.js';
import { englishIn, englishWords, KEPT_IN_SPANISH, SEED_OUTPUT, wordsOf } from './helpers/english-words.js';
import { runScenario } from './helpers/run-scenario.js';

const SIZES = [
  [80, 24],
  [160, 48],
] as const;

/** The screens each finished run is seen in: the panels (a row selected), the help, the whole console, the explanation. */
const VIEWS: { name: string; state: Partial<SessionState>; code?: true }[] = [
  { name: 'panels', state: {}, code: true },
  { name: 'Python', state: { code: 'python' }, code: true },
  { name: 'help', state: { help: true } },
  { name: 'console', state: { consoleOpen: true } },
  { name: 'explanation', state: { explainOpen: true } },
];

/**
 * The screen without the code panel's lines and the step its title names: code is code in any
 * language (its names, comments, strings and step labels are the program's own), while the
 * panel's title is checked like every other.
 */
function withoutCode(frame: string, columns: number, rows: number): string {
  const { top } = layoutFor(columns, rows)!;
  const blank = (line: string, from: number) => line.slice(0, from) + ' '.repeat(top.code - from) + line.slice(top.code);
  const titleEnd = (line: string) => {
    const title = /TypeScript|\(asyncio\)/.exec(line);
    return title ? title.index + title[0].length : 0;
  };
  return frame
    .split('\n')
    .map((line, i) => (i === 1 ? blank(line, titleEnd(line)) : i > 1 && i < 1 + top.height ? blank(line, 0) : line))
    .join('\n');
}

describe('--lang es: every scenario’s dashboard shows no English word', () => {
  const english = englishWords();
  const fixtureSession = new Session({ scenarios: [FIXTURE_SCENARIO] });

  it('builds its English word list from the English texts and prints', () => {
    for (const word of ['running', 'waiting', 'pending', 'console', 'order', 'taken', 'served', 'timer', 'late', 'the']) expect(english).toContain(word);
    for (const word of KEPT_IN_SPANISH) expect(english).not.toContain(word);
  });

  it('a run with an entity in every state, paused at a step after a block, each row selected in turn', () => {
    const found: string[] = [];
    // The fixture's names, values and errors stand for a program's own (in English here), its steps too.
    const allowed = new Set([...KEPT_IN_SPANISH, ...ENTITIES.flatMap((e) => wordsOf(`${e.name} ${e.value ?? ''} ${e.error ?? ''}`)), 'wait', 'make']);
    for (const entity of ENTITIES) {
      const snap = dashboard({
        run: runSnapshot({ entities: ENTITIES, step: { t: 5, label: 'wait', line: 7 }, marks: [{ kind: 'blocked', start: 10, end: 60 }] }),
        block: { start: 0, end: 1, live: true },
        session: { lang: 'es', stepMode: true, pausedAt: 'wait', selectedId: entity.id },
      });
      for (const [columns, rows] of SIZES) {
        const frame = withoutCode(frameAt(<App session={fixtureSession} store={new HeldSnapshot(snap)} columns={columns} rows={rows} interactive={false} />, columns), columns, rows);
        for (const line of frame.split('\n')) {
          const words = englishIn(line, english, allowed);
          if (words.length > 0) found.push(`${entity.name} ${columns}x${rows}: ${words.join(', ')} in "${line.trim()}"`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  const session = new Session({ scenarios: SCENARIOS.map(loadBuiltin) });
  SCENARIOS.forEach((scenario, index) => {
    it(`${scenario.id}, run to its end, at 80x24 and 160x48`, async () => {
      const loaded = loadBuiltin(scenario);
      const { snap, result } = await runScenario(loaded, { settings: settingsWith({ lang: 'es', interactive: false }) });
      expect(result.ok).toBe(true);
      // Names the program gave (tasks, futures, step labels) and the scenario ids are its own words.
      const allowed = new Set([
        ...KEPT_IN_SPANISH,
        ...snap.entities.flatMap((e) => wordsOf(e.name.replace(/[._]/g, ' '))),
        ...[...stepLines(loaded.source).keys()].flatMap(wordsOf),
        ...SCENARIOS.flatMap((s) => wordsOf(s.id)),
        ...(scenario.id === 'seed' ? wordsOf(SEED_OUTPUT) : []),
      ]);
      const found: string[] = [];
      for (const view of VIEWS) {
        const state = initialState(index, loaded, { lang: 'es', phase: 'ended', result, selectedId: snap.entities[0]?.id, ...view.state });
        const store = new HeldSnapshot(dashboardSnapshot(state, QUIET_LOOP, { run: snap, now: snap.now }));
        for (const [columns, rows] of SIZES) {
          const shown = frameAt(<App session={session} store={store} columns={columns} rows={rows} interactive={false} />, columns);
          const frame = view.code ? withoutCode(shown, columns, rows) : shown;
          for (const line of frame.split('\n')) {
            const words = englishIn(line, english, allowed);
            if (words.length > 0) found.push(`${view.name} ${columns}x${rows}: ${words.join(', ')} in "${line.trim()}"`);
          }
        }
      }
      expect(found).toEqual([]);
    }, 120_000);
  });
});
