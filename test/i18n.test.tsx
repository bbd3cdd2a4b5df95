import { HeldSnapshot, type DashboardSnapshot } from '../src/dashboard/store.js';
import { describe, expect, it } from 'vitest';
import { App } from '../components/App.js';
import { SCENARIOS } from '../scenarios/index.js';
import { STRINGS, type Strings } from '../src/view/i18n.js';
import { footerHints, keyHelpRows, KEYS, MODES } from '../src/view/keys.js';
import type { Lang } from '../src/settings.js';
import { KINDS, STATES } from '../src/runtime/states.js';
import { actMessage, Session } from '../src/dashboard/session.js';
import { dashboard, ENTITIES, FIXTURE_SCENARIO, runSnapshot } from './components/fixtures.js';
import { frameOf } from './components/render.js';

const LANGS = ['en', 'es'] as const;

/** An entry as text, with `§` for each argument. */
function text(entry: Strings[keyof Strings]): string {
  return typeof entry === 'function' ? (entry as (...args: string[]) => string)(...Array<string>(entry.length).fill('§')) : entry;
}

describe('every UI text exists in both languages', () => {
  it('the dashboard’s strings: the same entries in each language, none empty', () => {
    expect(Object.keys(STRINGS.es).sort()).toEqual(Object.keys(STRINGS.en).sort());
    for (const lang of LANGS) {
      for (const [key, entry] of Object.entries(STRINGS[lang]) as [keyof Strings, Strings[keyof Strings]][]) {
        expect(typeof entry, `${lang}.${key}`).toBe(typeof STRINGS.en[key]);
        expect(text(entry).replace(/§/g, '').trim(), `${lang}.${key}`).not.toBe('');
      }
    }
  });

  it('the key table: every help line and footer hint', () => {
    for (const binding of KEYS) {
      for (const lang of LANGS) {
        expect(binding.help[lang]?.trim(), `${binding.command} help (${lang})`).toBeTruthy();
        if (binding.hint) expect(binding.hint[lang]?.trim(), `${binding.command} hint (${lang})`).toBeTruthy();
      }
    }
    for (const lang of LANGS) {
      for (const mode of MODES) {
        expect(keyHelpRows(lang, mode).every((r) => r.keys && r.help)).toBe(true);
        expect(footerHints(lang, mode).every((h) => h.keys && h.hint)).toBe(true);
      }
    }
  });

  it('every scenario: title, summary and explanation, each translated, line for line', () => {
    for (const scenario of SCENARIOS) {
      const { id, title, summary, explain } = scenario;
      expect(typeof title, `${id} title has both languages`).toBe('object');
      for (const lang of LANGS) {
        expect((title as Record<string, string>)[lang]?.trim(), `${id} title (${lang})`).toBeTruthy();
        expect(summary[lang]?.trim(), `${id} summary (${lang})`).toBeTruthy();
        expect(explain[lang]?.length, `${id} explanation (${lang})`).toBeGreaterThan(0);
        for (const line of explain[lang]) expect(line.trim(), `${id} explanation line (${lang})`).not.toBe('');
      }
      expect(summary.es, `${id} summary is translated`).not.toBe(summary.en);
      expect(explain.es.length, `${id} explanation has as many lines in each language`).toBe(explain.en.length);
      explain.en.forEach((line, i) => expect(explain.es[i], `${id} explanation line ${i + 1} is translated`).not.toBe(line));
    }
  });
});

/** Words the dashboard uses in both languages, by choice: names, and the terms the notes keep in English. */
const SAME_IN_BOTH = new Set(['loopscope', 'loop', 'Event loop', 'python', 'español']);

/**
 * The English words of the dashboard: the fixed parts of its English strings, as patterns that
 * match them as whole words (`scenario` is not in `escenario`). State and kind names are left
 * out: they are the runtime's vocabulary in both languages (the words Python prints).
 */
function englishOnly(): { words: string; pattern: RegExp }[] {
  const vocabulary = new Set<string>([...STATES, ...KINDS, ...SAME_IN_BOTH]);
  const english = [...Object.values(STRINGS.en).map(text), ...KEYS.flatMap((b) => [b.help.en, b.hint?.en ?? ''])];
  const pieces = english.flatMap((t) => t.split('§')).map((p) => p.trim().replace(/^[:·,]\s*|\s*[:·,]$/g, ''));
  return [...new Set(pieces)]
    .filter((p) => p.length >= 4 && !vocabulary.has(p))
    .map((words) => ({ words, pattern: new RegExp(`(?<!\\p{L})${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u') }));
}

/** Screens in many states: a tour paused at a step after a block, help, ended, failed, empty. */
const SCREENS: { name: string; snap: (lang: Lang) => DashboardSnapshot }[] = [
  {
    name: 'a tour paused at a step, after a block',
    snap: (lang) =>
      dashboard({
        run: runSnapshot({ entities: ENTITIES, logs: [{ t: 1, stream: 'stdout', text: 'hola' }], step: { t: 5, label: 'wait', line: 7 }, folded: 3, droppedLogs: 2 }),
        block: { start: 0, end: 1, live: false },
        session: { lang, tour: { since: 0, ms: 8000 }, stepMode: true, pausedAt: 'wait' },
      }),
  },
  { name: 'help', snap: (lang) => dashboard({ session: { lang, help: true } }) },
  {
    name: 'ended, a row selected',
    snap: (lang) =>
      dashboard({
        run: runSnapshot({ entities: ENTITIES }),
        session: { lang, phase: 'ended', result: { scenario: 'fixture', status: 'ended', ok: true, error: undefined, wallMs: 300, leaks: [], neverAwaited: [], total: 1 }, selectedId: 't6' },
      }),
  },
  {
    name: 'failed with leftovers, a message, the Python view',
    snap: (lang) =>
      dashboard({
        run: runSnapshot({ entities: ENTITIES }),
        session: {
          lang,
          code: 'python',
          phase: 'failed',
          result: { scenario: 'fixture', status: 'failed', ok: false, error: 'Error: x', wallMs: 300, leaks: ['Timeout'], neverAwaited: [], total: 1 },
          message: (s) => s.notPaused,
        },
      }),
  },
  {
    name: 'stopped, nothing yet, no Python',
    snap: (lang) =>
      dashboard({
        session: {
          lang,
          scenario: { ...FIXTURE_SCENARIO, python: undefined },
          code: 'python',
          phase: 'stopped',
          result: { scenario: 'fixture', status: 'stopped', ok: true, error: undefined, wallMs: 30, leaks: [], neverAwaited: [], total: 1 },
        },
      }),
  },
];

/** What the fixture's program says in its values and errors, as either code view may write it. */
const PROGRAM_TEXTS = ENTITIES.flatMap((e) => [e.value, e.error]).filter((text): text is string => text !== undefined);

describe('a Spanish screen has no English left', () => {
  it('in every panel, the footer, the help and a tour, at 80x24 and 160x48 (and the too-small notice)', () => {
    const english = englishOnly();
    expect(english.map((e) => e.words)).toContain('Tasks & futures');
    const session = new Session({ scenarios: [FIXTURE_SCENARIO] });
    for (const [columns, rows] of [
      [80, 24],
      [160, 48],
      [70, 20],
    ] as const) {
      for (const screen of SCREENS) {
        const [en, es] = (['en', 'es'] as const).map((lang) =>
          frameOf(<App session={session} store={new HeldSnapshot(screen.snap(lang))} columns={columns} rows={rows} interactive={false} />).split('\n'),
        );
        expect(es, screen.name).toHaveLength(en!.length);
        // Panel cells equal in both languages hold the program's own words (code, names, prints).
        const worded = es!.flatMap((line, i) => {
          const theirs = en![i]!.split('│');
          return line.split('│').filter((cell, j) => cell !== theirs[j]);
        });
        expect(worded.length, `${screen.name}: the language changes the screen`).toBeGreaterThan(0);
        // The entities' values and errors are the program's words too, in whatever cell holds them.
        const own = (line: string) => PROGRAM_TEXTS.reduce((text, value) => text.split(value).join(' '), line);
        for (const { words, pattern } of english) {
          for (const line of worded.map(own)) expect(line, `"${words}" on the Spanish screen "${screen.name}" at ${columns}x${rows}`).not.toMatch(pattern);
        }
      }
    }
  });
});

it('a Spanish sentence names a settled state in Spanish', () => {
  const said = actMessage({ outcome: 'alreadyDone', name: 'order', state: 'resolved' });
  expect(said(STRINGS.es)).toBe('order ya está resuelto');
  expect(said(STRINGS.en)).toBe('order is already resolved');
});
