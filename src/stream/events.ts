import type { Kind, State, Warning } from '../runtime/states.js';

/**
 * The environment variable that tells a traced program's probe where its watcher listens: the
 * path of a Unix socket in a private folder of the watcher's.
 */
export const TRACE_CHANNEL_VARIABLE = 'LOOPSCOPE_TRACE';

/**
 * How often the watcher ticks each traced process: a message on its socket, 8 bytes, the wall
 * clock (ms since 1970, a double) when it was sent. The probe works and reports on each tick, from
 * that I/O callback, never from a timer of its own: a timer due in the same turn as one of the
 * program's would change the stack traces the program prints. How late a tick is handled is how
 * long the program's loop was held.
 */
export const TRACE_TICK_MS = 20;

/**
 * The event stream a run sends from its own process to whoever watches it (the dashboard,
 * `--json`, `--save`): every entity and state change, every line printed, every step, block and
 * pause, loop samples, and the run's control messages, in the order they happened. Times are
 * milliseconds since the run's start (`t`), or microseconds for entity times (`us`), as the
 * tracker keeps them.
 */
export type StreamEvent =
  | EntityEvent
  | StateEvent
  | NamedEvent
  /** A task is suspended on another tracked entity (until its next state change). */
  | { readonly kind: 'await'; readonly seq: number; readonly target: number }
  /** Something is wrong with an entity; `ms` is the longest stretch that held the thread, for `blocked`. */
  | { readonly kind: 'warn'; readonly seq: number; readonly warning: Warning; readonly ms: number }
  /** Where in the program an entity was made. */
  | { readonly kind: 'site'; readonly seq: number; readonly site: string }
  | { readonly kind: 'log'; readonly stream: 'stdout' | 'stderr'; readonly text: string; readonly t: number }
  | { readonly kind: 'step'; readonly label: string; readonly line: number | undefined; readonly t: number }
  | { readonly kind: 'mark'; readonly mark: 'blocked' | 'paused'; readonly start: number; readonly end: number }
  | LoopEvent
  | TallyEvent
  | { readonly kind: 'control'; readonly message: ControlMessage };

/** `count` more entities of a kind that ended in `state` before they were shown (a traced program's). */
export interface TallyEvent {
  readonly kind: 'tally';
  readonly entity: Kind;
  readonly state: State;
  readonly count: number;
}

/** A new entity. `naming` is its name, or the number of its default one (`Task-3`). */
export interface EntityEvent {
  readonly kind: 'entity';
  readonly seq: number;
  readonly entity: Kind;
  readonly naming: string | number;
  readonly state: State;
  readonly us: number;
  readonly parent: string | undefined;
  readonly detail: string | undefined;
}

/**
 * An entity's new state; a settled one brings its value or error as text, and a resolved one its
 * value as each code view writes it (`shown`: Node's inspect and Python's repr).
 */
export interface StateEvent {
  readonly kind: 'state';
  readonly seq: number;
  readonly state: State;
  readonly us: number;
  readonly text: string | undefined;
  readonly shown?: { readonly ts: string; readonly py: string };
}

/** An entity renamed or given a new detail (what it shows after its name). */
export interface NamedEvent {
  readonly kind: 'named';
  readonly seq: number;
  readonly name: string;
  readonly detail: string | undefined;
}

/** A sample of the run's event loop. */
export interface LoopEvent {
  readonly kind: 'loop';
  readonly t: number;
  readonly lagMs: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly utilization: number;
  readonly blocked: boolean;
}

/** How a run ended, as its process tells it. */
export interface RunEnd {
  readonly scenario: string;
  /** ended: the run finished by itself; stopped: it was stopped from outside. */
  readonly status: 'ended' | 'failed' | 'stopped';
  readonly ok: boolean;
  readonly error: string | undefined;
  /** Real milliseconds from the start to the end of the run's own work. */
  readonly wallMs: number;
  /** Handles the run left alive (`Timeout`, `TCPServerWrap`...), one entry per handle. */
  readonly leaks: readonly string[];
  readonly neverAwaited: readonly string[];
  /** Every entity the run made. */
  readonly total: number;
  /** A traced command's exit code, as a shell gives it (a signal's: 128 + its number). */
  readonly code?: number;
}

/** What a scenario module says of itself, for the screen (its code, its texts). */
export interface ScenarioInfo {
  readonly id: string;
  readonly title: string | { readonly en: string; readonly es: string };
  readonly summary: { readonly en: string; readonly es: string };
  readonly explain: { readonly en: readonly string[]; readonly es: readonly string[] };
  readonly python?: string;
  readonly source: string;
  readonly file?: string;
  /** The command a traced run runs (`loopscope -- node app.js`); its source is then the entry file's, when there is one. */
  readonly command?: readonly string[];
}

/** A key's action, and what came of it. */
export type ActOutcome =
  | { readonly outcome: 'notFound'; readonly id: string }
  | { readonly outcome: 'alreadyDone'; readonly name: string; readonly state: State }
  | { readonly outcome: 'notActionable' | 'onlyBody' | 'cancelRequested' | 'resolvedByYou' | 'rejectedByYou'; readonly name: string };

/** The run's own messages: few, so they travel as JSON. */
export type ControlMessage =
  /**
   * The process is up: its pid, and the wall-clock time (ms since 1970) its runs count from; a
   * traced program's process also says who started it and with what command line.
   */
  | { readonly type: 'hello'; readonly pid: number; readonly epoch: number; readonly ppid?: number; readonly argv?: readonly string[] }
  | { readonly type: 'loaded'; readonly info: ScenarioInfo }
  | { readonly type: 'load-error'; readonly message: string }
  /** A run began: `epoch` is its t = 0 on the wall clock. */
  | { readonly type: 'start'; readonly scenario: string; readonly epoch: number }
  /** Step mode: the program is frozen at a step until `next`. */
  | { readonly type: 'paused'; readonly label: string; readonly t: number }
  | { readonly type: 'resumed'; readonly t: number }
  | { readonly type: 'acted'; readonly request: number; readonly outcome: ActOutcome }
  /** The transcript could not be written (a full disk): the process says why on stderr and ends. */
  | { readonly type: 'output-failed' }
  /** The program threw and nobody caught it: what plain node prints as it ends the process. */
  | { readonly type: 'fault'; readonly text: string }
  | { readonly type: 'end'; readonly t: number; readonly result: RunEnd }
  /** The process is exiting: the program's own exit code (process.exit), or the one it is given. */
  | { readonly type: 'exit'; readonly t: number; readonly code: number };

/** What the watcher asks of the run's process (sent as one JSON line each). */
export type Command =
  | { readonly type: 'run'; readonly scenario: string; readonly file?: string; readonly settings: unknown; readonly capture: boolean; readonly interactive: boolean }
  | { readonly type: 'load'; readonly file: string }
  | { readonly type: 'act'; readonly request: number; readonly id: string; readonly action: 'cancel' | 'resolve' | 'reject' }
  | { readonly type: 'step-mode'; readonly on: boolean }
  | { readonly type: 'next' }
  | { readonly type: 'speed'; readonly speed: number }
  | { readonly type: 'stop'; readonly reason: string };
