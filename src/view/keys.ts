import type { Lang } from '../settings.js';
import type { Localized } from '../scenario.js';

/**
 * A key: one printable character, or a named key. Named keys: left, right, up, down, tab,
 * shift-tab, escape, ctrl+c.
 */
export type KeySpec = string;

/** What a run is: a scenario (built-in or --file), or a traced command (`-- node app.js`). */
export type RunKind = 'scenario' | 'trace';

/** One row of the key table: its keys, and what it does in words. */
export interface Binding {
  readonly keys: readonly KeySpec[];
  /** The one kind of run it does something for; the footer hints at it only there. */
  readonly only?: RunKind;
  /** How the keys read, when not just their names joined (`1-9`). */
  readonly label?: string;
  readonly help: Localized;
  /** One word for the footer; bindings without one appear only in the help. */
  readonly hint?: Localized;
  /** The keys as the footer shows them, when one hint stands for a pair of bindings (`+/-`). */
  readonly hintKeys?: string;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The one key table, by command: the input handler, the footer, the help overlay, `--help` and
 * the README come from it, and `HANDLERS` (commands.ts) must have a handler for each command.
 */
const KEY_TABLE = {
  scenario: { only: 'scenario', keys: DIGITS, label: '1-9', hintKeys: '1-9/←→', help: { en: 'switch to scenario 1-9', es: 'cambiar al escenario 1-9' }, hint: { en: 'scenario', es: 'escenario' } },
  prevScenario: { only: 'scenario', keys: ['left', 'shift-tab'], help: { en: 'previous scenario', es: 'escenario anterior' } },
  nextScenario: { only: 'scenario', keys: ['right', 'tab'], help: { en: 'next scenario', es: 'escenario siguiente' } },
  rerun: { keys: ['r'], help: { en: 'run this scenario again', es: 'volver a ejecutar este escenario' }, hint: { en: 'rerun', es: 'repetir' } },
  stepMode: { only: 'scenario', keys: [' '], help: { en: 'step mode on/off (pause at each step)', es: 'modo paso a paso sí/no (pausa en cada paso)' }, hint: { en: 'step', es: 'pasos' } },
  nextStep: { only: 'scenario', keys: ['n'], help: { en: 'next step (in step mode)', es: 'siguiente paso (en modo paso a paso)' }, hint: { en: 'next', es: 'sigue' } },
  up: { keys: ['up', 'k'], help: { en: 'select the row above', es: 'elegir la fila de arriba' } },
  down: { keys: ['down', 'j'], hintKeys: '↑↓/jk', help: { en: 'select the row below', es: 'elegir la fila de abajo' }, hint: { en: 'select', es: 'elegir' } },
  process: {
    only: 'trace',
    keys: ['w'],
    help: { en: 'show the traced command’s next Node process alone, then all', es: 'mostrar solo el siguiente proceso Node del comando, luego todos' },
    hint: { en: 'process', es: 'proceso' },
  },
  cancel: { only: 'scenario', keys: ['c'], help: { en: 'cancel the selected task or future', es: 'cancelar la task o el future elegido' }, hint: { en: 'cancel', es: 'cancelar' } },
  resolve: { only: 'scenario', keys: ['f'], help: { en: 'resolve the selected future (set its result)', es: 'resolver el future elegido (darle resultado)' }, hint: { en: 'resolve', es: 'resolver' } },
  reject: { only: 'scenario', keys: ['x'], help: { en: 'reject the selected future (set an exception)', es: 'rechazar el future elegido (darle una excepción)' }, hint: { en: 'reject', es: 'rechazar' } },
  faster: { only: 'scenario', keys: ['+', '='], help: { en: 'faster (time scale up to 10x)', es: 'más rápido (escala de tiempo hasta 10x)' } },
  slower: { only: 'scenario', keys: ['-', '_'], hintKeys: '+/-', help: { en: 'slower (down to 0.1x)', es: 'más lento (hasta 0.1x)' }, hint: { en: 'speed', es: 'velocidad' } },
  code: { only: 'scenario', keys: ['p'], help: { en: 'Python / TypeScript code', es: 'código Python / TypeScript' }, hint: { en: 'python', es: 'python' } },
  lang: { keys: ['l'], help: { en: 'language: English / Spanish', es: 'idioma: inglés / español' }, hint: { en: 'español', es: 'english' } },
  help: { keys: ['?'], help: { en: 'this help', es: 'esta ayuda' }, hint: { en: 'help', es: 'ayuda' } },
  closeHelp: { keys: ['escape'], help: { en: 'close the help', es: 'cerrar la ayuda' } },
  quit: { keys: ['q', 'ctrl+c'], hintKeys: 'q', help: { en: 'quit', es: 'salir' }, hint: { en: 'quit', es: 'salir' } },
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
  'ctrl+c': 'Ctrl+C',
  ' ': { en: 'space', es: 'espacio' },
};

/** How a key reads on screen: `←`, `space`, `Ctrl+C`. */
function keyName(key: KeySpec, lang: Lang): string {
  const name = NAMES[key];
  return name === undefined ? key : typeof name === 'string' ? name : name[lang];
}

/** The keys of a binding as the help shows them: `← / shift+tab`. */
function keysLabel(binding: Binding, lang: Lang): string {
  return binding.label ?? binding.keys.map((k) => keyName(k, lang)).join(' / ');
}

/** The key table as rows of text, for `--help` and the README; for the help overlay, the rows for one kind of run. */
export function keyHelpRows(lang: Lang, run?: RunKind): { readonly keys: string; readonly help: string }[] {
  return KEYS.filter((b) => run === undefined || b.only === undefined || b.only === run).map((b) => ({ keys: keysLabel(b, lang), help: b.help[lang] }));
}

/** The short hints of the footer for a kind of run, in table order: `r rerun`. */
export function footerHints(lang: Lang, run: RunKind = 'scenario'): { readonly keys: string; readonly hint: string }[] {
  const hints: { keys: string; hint: string }[] = [];
  for (const b of KEYS) if (b.hint && (b.only === undefined || b.only === run)) hints.push({ keys: b.hintKeys ?? keysLabel(b, lang), hint: b.hint[lang] });
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
  return undefined;
}

/** A command, the key that asked for it, and its argument (the scenario index for 1-9). */
export interface KeyCommand {
  readonly command: Command;
  readonly key: KeySpec;
  readonly index?: number;
}

/** Which command a key press means, looked up in KEYS; undefined for keys the table lacks. */
export function commandFor(input: string, key: KeyInfo): KeyCommand | undefined {
  const named = namedKey(input, key);
  // A Ctrl chord other than Ctrl+C is not a plain letter: Ctrl+R must not rerun.
  if (!named && key.ctrl) return undefined;
  const spec = named ?? input;
  const binding = KEYS.find((b) => b.keys.includes(spec));
  if (!binding) return undefined;
  if (binding.command === 'scenario') return { command: 'scenario', key: spec, index: DIGITS.indexOf(spec) };
  return { command: binding.command, key: spec };
}

/**
 * The commands in one read from the terminal: keys typed faster than the app reads them (or
 * pasted) arrive as one string, "21", and each character is its own press.
 */
export function commandsFor(input: string, key: KeyInfo): KeyCommand[] {
  const several = input.length > 1 && !key.ctrl && !input.startsWith('\u001b');
  const presses = several ? [...input].map((ch) => commandFor(ch, {})) : [commandFor(input, key)];
  return presses.filter((c): c is KeyCommand => c !== undefined);
}
