import { STATES, type State } from '../runtime/states.js';
import { STATE_LOOK, type Colour } from './looks.js';

export type { Colour } from './looks.js';

/** Each state's colour, from its look (or none at all, for a screen without colour). */
function stateColours(coloured: boolean): Readonly<Record<State, Colour>> {
  return Object.fromEntries(STATES.map((s) => [s, coloured ? STATE_LOOK[s].colour : undefined])) as Record<State, Colour>;
}

/** Every colour the dashboard uses, so a recording looks the same on every screen. */
export interface Theme {
  readonly state: Readonly<Record<State, Colour>>;
  /** Panel borders and titles. */
  readonly border: Colour;
  readonly title: Colour;
  /** The app's name and the current scenario tab. */
  readonly accent: Colour;
  /** Secondary text: line numbers, hints, counters. */
  readonly muted: Colour;
  readonly blocked: Colour;
  readonly paused: Colour;
  readonly stderr: Colour;
  readonly message: Colour;
  /** The mark and words of a warning. */
  readonly warning: Colour;
  /** False when colour is off: dim text then stays plain so nothing disappears on a mono screen. */
  readonly colour: boolean;
}

export const COLOUR_THEME: Theme = {
  state: stateColours(true),
  border: 'gray',
  title: 'white',
  accent: 'magentaBright',
  muted: 'gray',
  blocked: 'redBright',
  paused: 'blueBright',
  stderr: 'red',
  message: 'yellowBright',
  warning: 'yellow',
  colour: true,
};

/** NO_COLOR (https://no-color.org): no colour at all; shapes and words carry the meaning. */
export const MONO_THEME: Theme = {
  state: stateColours(false),
  border: undefined,
  title: undefined,
  accent: undefined,
  muted: undefined,
  blocked: undefined,
  paused: undefined,
  stderr: undefined,
  message: undefined,
  warning: undefined,
  colour: false,
};

/** The spinner of live entities (the "dots" of cli-spinners). */
const SPINNER_FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;
/** How long each spinner frame lasts; the spinner turns with each repaint, by the frames due since. */
const SPINNER_MS = 100;

/** The spinner glyph for a moment (performance.now()). */
export function spinnerAt(ms: number): string {
  return SPINNER_FRAMES[Math.floor(ms / SPINNER_MS) % SPINNER_FRAMES.length]!;
}

/** The theme for this environment: monochrome when NO_COLOR is set to anything non-empty. */
export function themeFor(env: NodeJS.ProcessEnv): Theme {
  return env.NO_COLOR ? MONO_THEME : COLOUR_THEME;
}
