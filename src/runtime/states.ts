/** What a kind of entity is to the runtime: the prefix of its ids and its default name series. */
export interface KindRule {
  /** Prefix of an entity's public id, so `t2` reads as a task and `f5` as a future. */
  readonly prefix: string;
  /** Default names: `Task-1`, `Task-2`... as in asyncio. */
  readonly series: string;
  /**
   * A named one takes a number of the series too: asyncio.create_task makes the task with a
   * default name, then renames it, so `Task-4` can follow `Task-2` and a task named `b`.
   */
  readonly numbersNamed: boolean;
}

/** Every kind of entity, in one table: a kind added here must be given a look (view/looks.ts). */
export const KIND_RULES = {
  task: { prefix: 't', series: 'Task', numbersNamed: true },
  future: { prefix: 'f', series: 'Future', numbersNamed: false },
  coroutine: { prefix: 'c', series: 'coroutine', numbersNamed: false },
  worker: { prefix: 'w', series: 'worker', numbersNamed: false },
  process: { prefix: 'p', series: 'process', numbersNamed: false },
  // What a traced program shows (loopscope -- node app.js): its promises and Node's own resources.
  promise: { prefix: 'pr', series: 'Promise', numbersNamed: false },
  timer: { prefix: 'tm', series: 'Timeout', numbersNamed: false },
  immediate: { prefix: 'im', series: 'Immediate', numbersNamed: false },
  socket: { prefix: 'sk', series: 'Socket', numbersNamed: false },
  server: { prefix: 'sv', series: 'Server', numbersNamed: false },
  request: { prefix: 'rq', series: 'Request', numbersNamed: false },
  fs: { prefix: 'fs', series: 'fs', numbersNamed: false },
} as const satisfies Record<string, KindRule>;

/** What an entity is. */
export type Kind = keyof typeof KIND_RULES;
export const KINDS = Object.keys(KIND_RULES) as readonly Kind[];

/**
 * Every state an entity can be in, in one table, in life order (the order is also each state's
 * code in the event log). A state added here must be given a look (view/looks.ts) before the
 * screen compiles.
 */
export const STATE_RULES = {
  created: { settled: false },
  pending: { settled: false },
  running: { settled: false },
  waiting: { settled: false },
  resolved: { settled: true },
  rejected: { settled: true },
  cancelled: { settled: true },
  /**
   * Over, with nothing more to say: a timer that fired, a socket closed, a request answered, a
   * traced promise that settled before it was shown (its outcome is not looked at).
   */
  settled: { settled: true },
} as const satisfies Record<string, { readonly settled: boolean }>;

/** Where an entity is in its life. */
export type State = keyof typeof STATE_RULES;
export const STATES = Object.keys(STATE_RULES) as readonly State[];

const SETTLED: ReadonlySet<State> = new Set(STATES.filter((s) => STATE_RULES[s].settled));

/** True for the states an entity never leaves. */
export function isSettled(state: State): boolean {
  return SETTLED.has(state);
}

/** A state's place in STATES: its code on the wire and in the event log. */
export function stateCode(state: State): number {
  for (let i = 0; i < STATES.length; i++) if (STATES[i] === state) return i;
  throw new TypeError(`unknown state: ${state}`);
}

/** A kind's place in KINDS: its code on the wire. */
export function kindCode(kind: Kind): number {
  for (let i = 0; i < KINDS.length; i++) if (KINDS[i] === kind) return i;
  throw new TypeError(`unknown kind: ${kind}`);
}

/**
 * What can be wrong with an entity, in one table (tokio-console's warnings, asyncio's own
 * complaints): a warning added here must be given words (view/looks.ts) before the screen compiles.
 */
export const WARNING_RULES = {
  /** One stretch of its own code held the thread longer than BLOCKING_MS: nothing else could run. */
  blocked: { atEnd: false },
  /** A coroutine object made and never awaited (Python's RuntimeWarning). */
  'never-awaited': { atEnd: true },
  /** It failed and nobody read the error ("Task exception was never retrieved"). */
  'never-retrieved': { atEnd: true },
  /** Still pending when the run ended, with nobody waiting for it any more. */
  abandoned: { atEnd: true },
} as const satisfies Record<string, { readonly atEnd: boolean }>;

export type Warning = keyof typeof WARNING_RULES;
export const WARNINGS = Object.keys(WARNING_RULES) as readonly Warning[];

/** A stretch of an entity's own code longer than this held the loop too long (a warning). */
export const BLOCKING_MS = 50;
