import { readFileSync } from 'node:fs';
import { loadBuiltin, SCENARIOS } from '../../scenarios/index.js';
import { localize } from '../../src/scenario.js';
import { STRINGS, type Strings } from '../../src/view/i18n.js';
import { KEYS } from '../../src/view/keys.js';
import { KIND_LOOK, STATE_LOOK } from '../../src/view/looks.js';

/**
 * Words a Spanish screen may show though English has them too, each for a reason:
 * - the terms the seed notes use in their Spanish text: task, future, coroutine, event loop
 *   ("el event loop", "el loop"), asyncio, await, async, worker ("batch jobs, workers"), CPU,
 *   sockets, GIL;
 * - callback: the name asyncio and Node give it (add_done_callback, call_soon, the loop's phases);
 * - Node's names for the loop's phases and queues, which the event-loop scenario prints as labels;
 * - names: Node, V8 and its isolate, libuv, JIT, CPython, aiohttp, asyncio's gather and Semaphore; the code's keyword
 *   finally and its values None, null, undefined, true, false;
 * - the keys as their caps read (Esc, Enter, tab, Ctrl), the languages' names and codes, and loopscope's;
 * - words spelled the same in both languages.
 */
export const KEPT_IN_SPANISH = new Set([
  ...['task', 'tasks', 'future', 'futures', 'coroutine', 'coroutines', 'event', 'loop', 'asyncio', 'await', 'async', 'worker', 'workers', 'cpu', 'promise', 'promises'],
  ...['sockets', 'socket', 'gil', 'callback', 'callbacks'],
  ...['nexttick', 'microtask', 'timers', 'poll', 'check', 'close'],
  ...['node', 'isolate', 'libuv', 'jit', 'cpython', 'aiohttp', 'gather', 'semaphore', 'finally', 'none', 'null', 'undefined', 'true', 'false'],
  ...['esc', 'enter', 'tab', 'ctrl', 'en', 'es', 'english', 'español', 'loopscope', 'python', 'typescript', 'ts', 'js'],
  ...['a', 'no', 'me', 'ms', 'x', 'vs', 'total', 'final', 'error', 'id', 'pid'],
]);

/** Code in a text: a dotted, snake_case or camelCase name, a call, a flag (`time.sleep`, `set_result`, `createTask`, `f()`, `--scale`). */
const CODE = /[._(]|\p{Ll}\p{Lu}|^--?\p{L}/u;

/** The words of a text, lower case, code left out: runs of letters (`McDonald's` is `mcdonald` and `s`). */
export function wordsOf(text: string): string[] {
  const prose = text
    .split(/\s+/)
    .filter((chunk) => !CODE.test(chunk.replace(/[.,;:)]+$/, '')))
    .join(' ');
  return (prose.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => w.length > 1 || w === 'a');
}

/**
 * The text inside the string and template literals of a piece of TypeScript, interpolations left
 * out (their own literals kept): what a print table's English entries say.
 */
export function literalTexts(source: string): string[] {
  const texts: string[] = [];
  let i = 0;
  const readString = (quote: string): void => {
    let text = '';
    for (i++; i < source.length && source[i] !== quote; i++) {
      if (source[i] === '\\') i++;
      else if (quote === '`' && source.startsWith('${', i)) {
        texts.push(text);
        text = '';
        readCode('}', i + 2);
      } else text += source[i];
    }
    texts.push(text);
    i++;
  };
  const readCode = (end: string | undefined, from: number): void => {
    let depth = 0;
    for (i = from; i < source.length; ) {
      const ch = source[i]!;
      if (ch === "'" || ch === '"' || ch === '`') {
        readString(ch);
        continue;
      }
      if (ch === end && depth === 0) return;
      if (ch === '{') depth++;
      else if (ch === '}') depth--;
      i++;
    }
  };
  readCode(undefined, 0);
  return texts;
}

/** The English table of a scenario's prints: the `const en = { … };` block of its source. */
function printTable(source: string): string {
  const start = source.indexOf('\nconst en = {');
  return start < 0 ? '' : source.slice(start, source.indexOf('\n};', start));
}

/** A dictionary entry as text, its arguments left out. */
function entryText(entry: Strings[keyof Strings]): string {
  return typeof entry === 'function' ? (entry as (...args: string[]) => string)(...Array<string>(entry.length).fill(' ')) : entry;
}

/**
 * Every English word loopscope shows or prints that a Spanish screen must not: the dashboard's
 * strings, the key table, the states and kinds, the scenarios' texts and their print tables,
 * less the words kept in Spanish.
 */
export function englishWords(): Set<string> {
  const texts = [
    ...Object.values(STRINGS.en).map(entryText),
    ...KEYS.flatMap((b) => [b.help.en, b.hint?.en ?? '']),
    ...Object.values(STATE_LOOK).flatMap((l) => [l.word.en, l.count.en]),
    ...Object.values(KIND_LOOK).map((l) => l.word.en),
    ...SCENARIOS.flatMap((s) => [localize(s.title, 'en'), s.summary.en, ...s.explain.en, ...literalTexts(printTable(loadBuiltin(s).source))]),
  ];
  return new Set(texts.flatMap(wordsOf).filter((w) => !KEPT_IN_SPANISH.has(w)));
}

/** The seed program's output, which the seed scenario prints as the notes' program does, in any language. */
export const SEED_OUTPUT = readFileSync(new URL('../fixtures/seed-python.out.txt', import.meta.url), 'utf8');

/** asyncio's own messages, which the runtime prints as Python does in any language (cut short where a row ends). */
export const PYTHON_MESSAGES = [
  /InvalidStateError: invalid state/g,
  /RuntimeError: cannot reuse already awaited coroutine/g,
  /ExceptionGroup: unhandled errors in a T\S*( \(\d+ sub-exceptions?\))?/g,
  /(RuntimeWarning: )?coroutine ('[^']*'|\.\.\.) was( never( aw\S*)?)?/g,
];

/** The English words in `text`, besides the `allowed` ones. */
export function englishIn(text: string, english: ReadonlySet<string>, allowed: ReadonlySet<string> = new Set()): string[] {
  let plain = text;
  for (const message of PYTHON_MESSAGES) plain = plain.replace(message, ' ');
  // Python's reprs (<Future pending>, <Task finished name='…' coro=<…>>) read the same in any
  // language; one cut short by the row's end runs to it.
  for (let before = ''; before !== plain; ) [before, plain] = [plain, plain.replace(/<[^<>]*>/g, ' ')];
  plain = plain.replace(/<(Task|Future|coroutine)\b[^│]*/g, ' ');
  // Keys of the objects a value shows ({ queued: 7, done: 80 }, Python's {'queued': 7}) are the program's names, and a
  // word cut short where a cell ends (Cancel…) cannot be told.
  plain = plain.replace(/([{,]\s*)(?:[A-Za-z_]\w*|'[A-Za-z_]\w*'):/g, '$1').replace(/\p{L}+…/gu, ' ');
  return [...new Set(wordsOf(plain).filter((w) => english.has(w) && !allowed.has(w)))];
}
