import type { Kind, State, Warning } from '../runtime/states.js';
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
  pending: { icon: '·', spins: true, glyph: '░', colour: 'yellow', word: { en: 'pending', es: 'pendiente' }, count: { en: 'pend', es: 'pdte' } },
  running: { icon: '▶', spins: true, glyph: '█', colour: 'cyan', word: { en: 'running', es: 'en curso' }, count: { en: 'run', es: 'curso' } },
  waiting: { icon: '…', spins: true, glyph: '─', colour: 'blueBright', word: { en: 'waiting', es: 'esperando' }, count: { en: 'wait', es: 'espera' } },
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

/** How a warning is told on screen. */
export interface WarningLook {
  /** One or two words, for a row with room for them (and what a filter matches). */
  readonly short: Localized;
  /** What went wrong and why it matters; `ms` is the longest stretch, for `blocked`. */
  readonly reason: Localized<(ms: string) => string>;
}

/** The mark of a row with warnings (tokio-console's). */
export const WARNING_MARK = '⚠';

/** The words of every warning: a warning the runtime adds has none, and the screen does not compile. */
export const WARNING_LOOK = {
  blocked: {
    short: { en: 'blocked', es: 'bloqueó' },
    reason: {
      en: (ms) => `blocked the loop: its own code held the thread for ${ms} at a stretch, and nothing else could run`,
      es: (ms) => `bloqueó el loop: su propio código retuvo el hilo ${ms} seguidos, y nada más pudo ejecutarse`,
    },
  },
  'never-awaited': {
    short: { en: 'never awaited', es: 'sin await' },
    reason: {
      en: () => 'never awaited: a coroutine object was made and its code never ran (Python: "coroutine was never awaited")',
      es: () => 'nunca esperada: se creó el objeto corrutina y su código nunca se ejecutó (Python: «coroutine was never awaited»)',
    },
  },
  'never-retrieved': {
    short: { en: 'unread error', es: 'error sin leer' },
    reason: {
      en: () => 'unread error: it failed and nobody read the error (Python: "Task exception was never retrieved")',
      es: () => 'error sin leer: falló y nadie leyó el error (Python: «Task exception was never retrieved»)',
    },
  },
  abandoned: {
    short: { en: 'abandoned', es: 'abandonado' },
    reason: {
      en: () => 'abandoned: still pending when the run ended, and nobody awaits it any more',
      es: () => 'abandonado: seguía pendiente al acabar la ejecución, y ya nadie lo espera',
    },
  },
} as const satisfies Record<Warning, WarningLook>;
