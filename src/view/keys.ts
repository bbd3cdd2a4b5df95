import type { Lang } from '../settings.js';
import { localize, type Localized } from '../scenario.js';

/**
 * A key: one printable character, or a named key. Named keys: left, right, up, down, tab,
 * shift-tab, escape, enter, pageup, pagedown, home, end, ctrl+c.
 */
export type KeySpec = string;

/**
 * What the dashboard shows: a scenario's run as it happens (built-in or --file), a traced command
 * (`-- node app.js`), or a saved run played back (`--replay`).
 */
export const MODES = ['live', 'trace', 'replay'] as const;
export type Mode = (typeof MODES)[number];

/** A binding's word in the footer, and how long it stays there when the footer is short. */
export interface Hint extends Localized {
  /** Hints of a higher rank are left out first when not all fit; rank 1 always stays. */
  readonly rank: number;
}

/** One row of the key table: its keys, and what it does in words. */
export interface Binding {
  readonly keys: readonly KeySpec[];
  /** The modes it applies in (all when absent): a key may mean one thing live and another in a replay. */
  readonly modes?: readonly Mode[];
  /** Its keys in a mode where some of them mean another command (Home seeks in a replay). */
  readonly keysIn?: Partial<Record<Mode, readonly KeySpec[]>>;
  /** How the keys read, when not just their names joined (`1-9`). */
  readonly label?: string;
  readonly help: Localized;
  /** One word for the footer; bindings without one appear only in the help. */
  readonly hint?: Hint;
  /** The keys as the footer shows them, when one hint stands for a pair of bindings (`+/-`). */
  readonly hintKeys?: string | Localized;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

const LIVE: readonly Mode[] = ['live'];
const TRACE: readonly Mode[] = ['trace'];
const REPLAY: readonly Mode[] = ['replay'];
/** Runs that are started here: a scenario, a command. */
const RUNS: readonly Mode[] = ['live', 'trace'];
/** Runs whose clock loopscope sets, and which have code to show: a scenario's, live or played back. */
const TIMED: readonly Mode[] = ['live', 'replay'];

/**
 * The one key table, by command: the input handler, the footer, the help overlay, `--help` and
 * the README come from it, and `HANDLERS` (commands.ts) must have a handler for each command.
 * Within a mode no key has two commands.
 */
const KEY_TABLE = {
  pause: { keys: [' '], modes: REPLAY, help: { en: 'pause / play', es: 'pausa / seguir' }, hint: { en: 'pause', es: 'pausa', rank: 3 } },
  seekBack: { keys: ['left'], modes: REPLAY, help: { en: 'back one second', es: 'un segundo atrás' } },
  seekForward: { keys: ['right'], modes: REPLAY, hintKeys: '←→', help: { en: 'forward one second', es: 'un segundo adelante' }, hint: { en: 'seek', es: 'saltar', rank: 4 } },
  seekStart: { keys: ['home'], modes: REPLAY, help: { en: 'to the start', es: 'al principio' } },
  seekEnd: { keys: ['end'], modes: REPLAY, hintKeys: { en: 'Home/End', es: 'Inicio/Fin' }, help: { en: 'to the end', es: 'al final' }, hint: { en: 'start/end', es: 'inicio/fin', rank: 5 } },
  recordedRun: { keys: DIGITS, label: '1-9', modes: REPLAY, hintKeys: '1-9/tab', help: { en: 'replay recorded run 1-9', es: 'ver la ejecución grabada 1-9' }, hint: { en: 'run', es: 'ejecución', rank: 6 } },
  prevRun: { keys: ['shift-tab'], modes: REPLAY, help: { en: 'previous recorded run', es: 'ejecución grabada anterior' } },
  nextRun: { keys: ['tab'], modes: REPLAY, help: { en: 'next recorded run', es: 'ejecución grabada siguiente' } },
  scenario: { keys: DIGITS, label: '1-9', modes: LIVE, hintKeys: '1-9/←→', help: { en: 'switch to scenario 1-9', es: 'ir al escenario 1-9' }, hint: { en: 'scenario', es: 'escenario', rank: 3 } },
  prevScenario: { keys: ['left', 'shift-tab'], modes: LIVE, help: { en: 'previous scenario', es: 'escenario anterior' } },
  nextScenario: { keys: ['right', 'tab'], modes: LIVE, help: { en: 'next scenario', es: 'escenario siguiente' } },
  rerun: { keys: ['r'], modes: RUNS, help: { en: 'run it again', es: 'volver a ejecutarlo' }, hint: { en: 'rerun', es: 'repetir', rank: 4 } },
  stepMode: { keys: [' '], modes: LIVE, help: { en: 'step mode on/off', es: 'modo paso a paso sí/no' } },
  nextStep: { keys: ['n'], modes: LIVE, hintKeys: { en: 'space/n', es: 'espacio/n' }, help: { en: 'next step (step mode)', es: 'siguiente paso' }, hint: { en: 'step', es: 'pasos', rank: 5 } },
  up: { keys: ['up', 'k'], help: { en: 'select the row above', es: 'elegir fila de arriba' } },
  down: { keys: ['down', 'j'], hintKeys: '↑↓/jk', help: { en: 'select the row below', es: 'elegir fila de abajo' }, hint: { en: 'select', es: 'elegir', rank: 2 } },
  process: { keys: ['w'], modes: TRACE, help: { en: 'one Node process of the command, then all', es: 'un proceso Node del comando, luego todos' }, hint: { en: 'process', es: 'proceso', rank: 3 } },
  cancel: { keys: ['c'], modes: LIVE, help: { en: 'cancel task or future', es: 'cancelar task o future' }, hint: { en: 'cancel', es: 'cancelar', rank: 13 } },
  resolve: { keys: ['f'], modes: LIVE, help: { en: 'resolve the future', es: 'resolver el future' }, hint: { en: 'resolve', es: 'resolver', rank: 14 } },
  reject: { keys: ['x'], modes: LIVE, help: { en: 'reject the future', es: 'rechazar el future' }, hint: { en: 'reject', es: 'rechazar', rank: 15 } },
  faster: { keys: ['+', '='], modes: TIMED, help: { en: 'faster (up to 10x)', es: 'más rápido (hasta 10x)' } },
  slower: { keys: ['-', '_'], modes: TIMED, hintKeys: '+/-', help: { en: 'slower (down to 0.1x)', es: 'más lento (hasta 0.1x)' }, hint: { en: 'speed', es: 'velocidad', rank: 16 } },
  code: { keys: ['p'], modes: TIMED, help: { en: 'TS, Python, explanation', es: 'TS, Python, explicación' }, hint: { en: 'code', es: 'código', rank: 6 } },
  lang: { keys: ['l'], help: { en: 'language (en / es)', es: 'idioma (en / es)' }, hint: { en: 'español', es: 'english', rank: 7 } },
  pageUp: { keys: ['pageup'], help: { en: 'a page up', es: 'una página arriba' } },
  pageDown: { keys: ['pagedown'], help: { en: 'a page down', es: 'una página abajo' } },
  first: { keys: ['home', 'g'], keysIn: { replay: ['g'] }, help: { en: 'the first row', es: 'la primera fila' } },
  last: { keys: ['end', 'G'], keysIn: { replay: ['G'] }, help: { en: 'the last row', es: 'la última fila' } },
  filter: { keys: ['/'], help: { en: 'filter rows by text', es: 'filtrar filas por texto' }, hint: { en: 'filter', es: 'filtrar', rank: 9 } },
  sort: { keys: ['s'], help: { en: 'sort by next column', es: 'ordenar por columna' } },
  reverseSort: { keys: ['S'], hintKeys: 's/S', help: { en: 'reverse the order', es: 'invertir el orden' }, hint: { en: 'sort', es: 'orden', rank: 12 } },
  details: { keys: ['enter'], help: { en: 'details of the row', es: 'detalles de la fila' }, hint: { en: 'details', es: 'detalles', rank: 10 } },
  tree: { keys: ['t'], help: { en: 'rows as a tree', es: 'filas en árbol' }, hint: { en: 'tree', es: 'árbol', rank: 11 } },
  console: { keys: ['o'], help: { en: 'the whole console', es: 'la consola entera' }, hint: { en: 'console', es: 'consola', rank: 8 } },
  help: { keys: ['?'], help: { en: 'this help', es: 'esta ayuda' }, hint: { en: 'help', es: 'ayuda', rank: 1 } },
  back: { keys: ['escape'], help: { en: 'back; clear the filter', es: 'volver; borrar el filtro' } },
  quit: { keys: ['q', 'ctrl+c'], hintKeys: 'q', help: { en: 'quit', es: 'salir' }, hint: { en: 'quit', es: 'salir', rank: 1 } },
} as const satisfies Record<string, Binding>;

/** What a key asks the dashboard to do: one per row of the key table. */
export type Command = keyof typeof KEY_TABLE;

/** The key that selects the i-th scenario: 1-9, then only ←→/tab reach it. */
export function scenarioKey(index: number): string {
  return DIGITS[index] ?? '-';
}

/** The key table's rows in order, each with its command. */
export const KEYS: readonly (Binding & { readonly command: Command })[] = Object.entries(KEY_TABLE).map(([command, binding]) => ({
  command: command as Command,
  ...binding,
}));

const NAMES: Readonly<Record<string, string | Localized>> = {
  left: '←',
  right: '→',
  up: '↑',
  down: '↓',
  tab: 'tab',
  'shift-tab': { en: 'shift+tab', es: 'mayús+tab' },
  escape: 'Esc',
  enter: 'Enter',
  // As the keys are printed on each language's keyboards.
  pageup: { en: 'PgUp', es: 'RePág' },
  pagedown: { en: 'PgDn', es: 'AvPág' },
  home: { en: 'Home', es: 'Inicio' },
  end: { en: 'End', es: 'Fin' },
  'ctrl+c': 'Ctrl+C',
  ' ': { en: 'space', es: 'espacio' },
};

/** How a key reads on screen: `←`, `space`, `Ctrl+C`. */
function keyName(key: KeySpec, lang: Lang): string {
  const name = NAMES[key];
  return name === undefined ? key : typeof name === 'string' ? name : name[lang];
}

/** The keys of a binding as the help shows them: `← / shift+tab`. */
function keysLabel(binding: Binding, lang: Lang, mode: Mode): string {
  return binding.label ?? keysIn(binding, mode).map((k) => keyName(k, lang)).join(' / ');
}

/** True when the binding applies in this mode. */
export function appliesIn(binding: Binding, mode: Mode): boolean {
  return binding.modes?.includes(mode) ?? true;
}

/** The keys of a binding in a mode. */
function keysIn(binding: Binding, mode: Mode): readonly KeySpec[] {
  return binding.keysIn?.[mode] ?? binding.keys;
}

/** The keys of one command as the help shows them, for words that name them. */
export function keyLabel(command: Command, lang: Lang, mode: Mode = 'live'): string {
  return keysLabel(KEY_TABLE[command], lang, mode);
}

/** The key table of a mode as rows of text, for the help overlay, `--help` and the README. */
export function keyHelpRows(lang: Lang, mode: Mode): { readonly keys: string; readonly help: string }[] {
  return KEYS.filter((b) => appliesIn(b, mode)).map((b) => ({ keys: keysLabel(b, lang, mode), help: b.help[lang] }));
}

/** One hint of the footer: `r rerun`, and its rank (see Hint). */
export interface FooterHint {
  readonly keys: string;
  readonly hint: string;
  readonly rank: number;
}

/** The short hints of the footer in a mode, in table order. */
export function footerHints(lang: Lang, mode: Mode): FooterHint[] {
  const hints: FooterHint[] = [];
  for (const b of KEYS) if (b.hint && appliesIn(b, mode)) hints.push({ keys: b.hintKeys === undefined ? keysLabel(b, lang, mode) : localize(b.hintKeys, lang), hint: b.hint[lang], rank: b.hint.rank });
  return hints;
}

/** What Ink's useInput reports besides the typed text (a subset of its Key). */
export interface KeyInfo {
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly tab?: boolean;
  readonly shift?: boolean;
  readonly ctrl?: boolean;
  readonly escape?: boolean;
  readonly return?: boolean;
  readonly pageUp?: boolean;
  readonly pageDown?: boolean;
  readonly home?: boolean;
  readonly end?: boolean;
}

/** The named key this press is, if it is one. */
function namedKey(input: string, key: KeyInfo): KeySpec | undefined {
  if (key.ctrl && input === 'c') return 'ctrl+c';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.tab) return key.shift ? 'shift-tab' : 'tab';
  if (key.escape) return 'escape';
  if (key.return) return 'enter';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  return undefined;
}

/** A command, the key that asked for it, and its argument (the scenario or run index for 1-9). */
export interface KeyCommand {
  readonly command: Command;
  readonly key: KeySpec;
  readonly index?: number;
}

/** Which command a key press means in a mode, looked up in KEYS; undefined for keys the mode lacks. */
export function commandFor(input: string, key: KeyInfo, mode: Mode): KeyCommand | undefined {
  const named = namedKey(input, key);
  // A Ctrl chord other than Ctrl+C is not a plain letter: Ctrl+R must not rerun.
  if (!named && key.ctrl) return undefined;
  const spec = named ?? input;
  const binding = KEYS.find((b) => appliesIn(b, mode) && keysIn(b, mode).includes(spec));
  if (!binding) return undefined;
  const index = DIGITS.indexOf(spec);
  return index >= 0 ? { command: binding.command, key: spec, index } : { command: binding.command, key: spec };
}

/**
 * The commands in one read from the terminal: keys typed faster than the app reads them (or
 * pasted) arrive as one string, "21", and each character is its own press.
 */
export function commandsFor(input: string, key: KeyInfo, mode: Mode): KeyCommand[] {
  const several = input.length > 1 && !key.ctrl && !input.startsWith('\u001b');
  const presses = several ? [...input].map((ch) => commandFor(ch, {}, mode)) : [commandFor(input, key, mode)];
  return presses.filter((c): c is KeyCommand => c !== undefined);
}
