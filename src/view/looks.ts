import type { Kind, State } from '../runtime/states.js';
import type { Localized } from '../scenario.js';

/** A colour name Ink understands, or undefined for the terminal's own colour. */
export type Colour = string | undefined;

/** Everything the screen draws for one state, in one place (tokio-console's TaskState::render). */
export interface StateLook {
  /** The row's mark while the state lasts; a state that spins shows the spinner instead. */
  readonly icon: string;
  /** Pending, running and waiting spin: something is still to come. */
  readonly spins: boolean;
  /** The timeline cell of a stretch spent in this state (the settled ones mark the end). */
  readonly glyph: string;
  readonly colour: Colour;
  /** The state's name in a table cell and in sentences. */
  readonly word: Localized;
  /** Its name in the panel title's counts (`2 wait 5 ✓`). */
  readonly count: Localized;
}

/** The look of every state: a state the runtime adds has no look, and the screen does not compile. */
export const STATE_LOOK = {
  created: { icon: '·', spins: false, glyph: '·', colour: 'gray', word: { en: 'created', es: 'creado' }, count: { en: 'new', es: 'nuevo' } },
  pending: { icon: '·', spins: true, glyph: '░', colour: 'yellow', word: { en: 'pending', es: 'pendiente' }, count: { en: 'pend', es: 'pend' } },
  running: { icon: '▶', spins: true, glyph: '█', colour: 'cyan', word: { en: 'running', es: 'en curso' }, count: { en: 'run', es: 'curso' } },
  waiting: { icon: '…', spins: true, glyph: '█', colour: 'blueBright', word: { en: 'waiting', es: 'esperando' }, count: { en: 'wait', es: 'espera' } },
  resolved: { icon: '✓', spins: false, glyph: '✓', colour: 'green', word: { en: 'resolved', es: 'resuelto' }, count: { en: '✓', es: '✓' } },
  rejected: { icon: '✗', spins: false, glyph: '✗', colour: 'red', word: { en: 'rejected', es: 'rechazado' }, count: { en: '✗', es: '✗' } },
  cancelled: { icon: '⊘', spins: false, glyph: '⊘', colour: 'gray', word: { en: 'cancelled', es: 'cancelado' }, count: { en: '⊘', es: '⊘' } },
  settled: { icon: '•', spins: false, glyph: '•', colour: 'green', word: { en: 'settled', es: 'terminado' }, count: { en: 'done', es: 'hechos' } },
} as const satisfies Record<State, StateLook>;

/** How a kind of entity is named on screen. */
export interface KindLook {
  /** Its name in a narrow column. */
  readonly short: string;
  readonly word: Localized;
}

/** The look of every kind: a kind the runtime adds has no look, and the screen does not compile. */
export const KIND_LOOK = {
  task: { short: 'task', word: { en: 'task', es: 'task' } },
  future: { short: 'fut', word: { en: 'future', es: 'future' } },
  coroutine: { short: 'coro', word: { en: 'coroutine', es: 'coroutine' } },
  worker: { short: 'wrkr', word: { en: 'worker', es: 'worker' } },
  process: { short: 'proc', word: { en: 'process', es: 'proceso' } },
  promise: { short: 'prom', word: { en: 'promise', es: 'promesa' } },
  timer: { short: 'tmr', word: { en: 'timer', es: 'timer' } },
  immediate: { short: 'imm', word: { en: 'immediate', es: 'immediate' } },
  socket: { short: 'sock', word: { en: 'socket', es: 'socket' } },
  server: { short: 'srv', word: { en: 'server', es: 'servidor' } },
  request: { short: 'req', word: { en: 'request', es: 'petición' } },
  fs: { short: 'fs', word: { en: 'fs', es: 'fs' } },
} as const satisfies Record<Kind, KindLook>;

/** Every state, in life order: the order counts and legends list them in. */
export const STATES_IN_ORDER = Object.keys(STATE_LOOK) as readonly State[];
