import { KIND_RULES, KINDS, STATES, WARNINGS, type Kind, type State } from '../runtime/states.js';
import type { EntityRecord } from '../runtime/tracker.js';
import { LANGS, settingsWith, type RunSettings } from '../settings.js';
import type { ControlMessage, RunEnd, ScenarioInfo, StreamEvent } from './events.js';

/**
 * The event stream as JSON lines (DESIGN §5): what `--json` prints and `--save` writes, and what
 * `--replay` reads back. One object per line; `t` is real milliseconds since the run started,
 * to 0.1 ms. A stream opens with a header line; each run is a section from its `start` line
 * (which carries the scenario's texts, code and settings) to its `end` and `exit` lines. Entity
 * lines keep their exact time in `us` (whole microseconds), as the tracker keeps it.
 */

/** The format's version: a reader refuses a stream of another one. */
export const STREAM_VERSION = 1;

/** One line, parsed: an object with a `type`. */
export type JsonLine = { readonly type: string; readonly [field: string]: unknown };

/** The first line of a stream. */
export function headerLine(loopscope: string): JsonLine {
  return { type: 'stream', version: STREAM_VERSION, loopscope };
}

/** What a run's start line records of it besides its events. */
export interface RunRecord {
  /** What the screen shows of the scenario: its texts and code (not the module's path). */
  readonly scenario: ScenarioInfo;
  readonly settings: RunSettings;
}

/** Times as the lines give them: 0.1 ms. */
export const roundMs = (ms: number): number => Math.round(ms * 10) / 10;

/**
 * Turns one run's events into lines, in order. The few events with no time of their own (a
 * rename, a fault) take the time of the line before, so `t` never goes back.
 */
export class JsonLineWriter {
  readonly #run: RunRecord;
  #t = 0;

  constructor(run: RunRecord) {
    this.#run = run;
  }

  /**
   * The line of an event (undefined for those about the process, not the run); `entity` is the
   * mirrored one it was about, `pid` the traced process it came from.
   */
  toJson(event: StreamEvent, entity: EntityRecord | undefined, pid?: number): JsonLine | undefined {
    const line = this.#line(event, entity);
    if (line && typeof line.t === 'number') this.#t = line.t;
    return line && pid !== undefined ? { ...line, pid } : line;
  }

  #line(event: StreamEvent, entity: EntityRecord | undefined): JsonLine | undefined {
    switch (event.kind) {
      case 'entity':
      case 'state': {
        if (!entity) return undefined;
        const text = event.kind === 'state' && event.text !== undefined ? { [event.state === 'resolved' ? 'value' : 'error']: event.text } : {};
        const shown = event.kind === 'state' && event.shown !== undefined ? { shown: event.shown } : {};
        return {
          t: roundMs(event.us / 1000),
          type: 'state',
          id: entity.id,
          kind: entity.kind,
          name: entity.name,
          state: event.state,
          ...text,
          ...shown,
          ...(entity.parent !== undefined ? { parent: entity.parent } : {}),
          us: event.us,
          ...(event.kind === 'entity' && event.detail !== undefined ? { detail: event.detail } : {}),
        };
      }
      case 'named':
        if (!entity) return undefined;
        return { t: this.#t, type: 'named', id: entity.id, name: event.name, ...(event.detail !== undefined ? { detail: event.detail } : {}) };
      case 'await':
        return entity?.more?.awaiting ? { t: this.#t, type: 'await', id: entity.id, target: entity.more.awaiting } : undefined;
      case 'warn':
        return entity ? { t: this.#t, type: 'warn', id: entity.id, warning: event.warning, ...(event.warning === 'blocked' ? { ms: roundMs(event.ms) } : {}) } : undefined;
      case 'site':
        return entity ? { t: this.#t, type: 'site', id: entity.id, site: event.site } : undefined;
      case 'log':
        return { t: roundMs(event.t), type: 'log', stream: event.stream, text: event.text };
      case 'step':
        return { t: roundMs(event.t), type: 'step', label: event.label, ...(event.line !== undefined ? { line: event.line } : {}) };
      case 'mark':
        return { t: roundMs(event.end), type: 'mark', kind: event.mark, start: roundMs(event.start), end: roundMs(event.end) };
      case 'loop':
        return { t: roundMs(event.t), type: 'loop', lagMs: roundMs(event.lagMs), utilization: Math.round(event.utilization * 100) / 100, p99Ms: roundMs(event.p99Ms), maxMs: roundMs(event.maxMs), blocked: event.blocked };
      case 'tally':
        return { t: this.#t, type: 'folded', kind: event.entity, state: event.state, count: event.count };
      case 'control':
        // A traced process joined: its entity says when, and its own id.
        if (event.message.type === 'hello' && event.message.argv && entity) {
          return { t: roundMs(entity.created), type: 'process', id: entity.id, ...(entity.parent ? { parent: entity.parent } : {}), ppid: event.message.ppid, argv: event.message.argv };
        }
        return this.#control(event.message);
    }
  }

  #control(message: ControlMessage): JsonLine | undefined {
    switch (message.type) {
      case 'start': {
        const { title, summary, explain, python, source } = this.#run.scenario;
        const info = { title, summary, explain, ...(python !== undefined ? { python } : {}), source };
        return { t: 0, type: 'start', scenario: message.scenario, epoch: message.epoch, info, settings: this.#run.settings };
      }
      case 'end': {
        const r = message.result;
        return { t: roundMs(message.t), type: 'end', scenario: r.scenario, ok: r.ok, status: r.status, wallMs: roundMs(r.wallMs), ...(r.error ? { error: r.error } : {}), leaks: r.leaks, neverAwaited: r.neverAwaited, total: r.total, ...(r.code === undefined ? {} : { code: r.code }) };
      }
      case 'exit':
        return { t: roundMs(message.t), type: 'exit', code: message.code };
      case 'paused':
        return { t: roundMs(message.t), type: 'paused', label: message.label };
      case 'resumed':
        return { t: roundMs(message.t), type: 'resumed' };
      case 'fault':
        return { t: this.#t, type: 'fault', text: message.text };
      case 'load-error':
        return { t: this.#t, type: 'load-error', message: message.message };
      case 'hello':
      case 'loaded':
      case 'acted':
      case 'output-failed':
        return undefined;
    }
  }
}

/** A line that is JSON but not what its type needs: the reader says which field, the caller which line. */
export class LineError extends Error {
  override name = 'LineError';
}

/** An event read back, with the time it happened (ms since the run started). */
export interface TimedEvent {
  readonly t: number;
  readonly event: StreamEvent;
}

type Field = 'string' | 'number' | 'boolean' | 'object';

function field<T>(line: JsonLine, name: string, type: Field): T {
  const value = line[name];
  if (typeof value !== type || value === null) throw new LineError(`a ${line.type} line needs ${name} (${type})`);
  return value as T;
}

function optional<T>(line: JsonLine, name: string, type: Field): T | undefined {
  return line[name] === undefined ? undefined : field<T>(line, name, type);
}

function oneOf<T extends string>(line: JsonLine, name: string, values: readonly T[]): T {
  const value = field<string>(line, name, 'string');
  if (!(values as readonly string[]).includes(value)) throw new LineError(`a ${line.type} line's ${name} must be one of ${values.join(', ')}, not ${value}`);
  return value as T;
}

/** What each type of line stands for. A type not here is skipped: a newer writer may add some. */
const READERS: Readonly<Record<string, (line: JsonLine, reader: JsonLineReader) => StreamEvent>> = {
  state: (line, reader) => reader.entityEvent(line),
  named: (line, reader) => ({ kind: 'named', seq: reader.seqOf(line), name: field(line, 'name', 'string'), detail: optional(line, 'detail', 'string') }),
  await: (line, reader) => ({ kind: 'await', seq: reader.seqOf(line), target: reader.seqOf(line, 'target') }),
  warn: (line, reader) => ({ kind: 'warn', seq: reader.seqOf(line), warning: oneOf(line, 'warning', WARNINGS), ms: optional(line, 'ms', 'number') ?? 0 }),
  site: (line, reader) => ({ kind: 'site', seq: reader.seqOf(line), site: field(line, 'site', 'string') }),
  log: (line) => ({ kind: 'log', stream: oneOf(line, 'stream', ['stdout', 'stderr'] as const), text: field(line, 'text', 'string'), t: field(line, 't', 'number') }),
  step: (line) => ({ kind: 'step', label: field(line, 'label', 'string'), line: optional(line, 'line', 'number'), t: field(line, 't', 'number') }),
  mark: (line) => ({ kind: 'mark', mark: oneOf(line, 'kind', ['blocked', 'paused'] as const), start: field(line, 'start', 'number'), end: field(line, 'end', 'number') }),
  loop: (line) => ({
    kind: 'loop',
    t: field(line, 't', 'number'),
    lagMs: field(line, 'lagMs', 'number'),
    p99Ms: optional(line, 'p99Ms', 'number') ?? 0,
    maxMs: optional(line, 'maxMs', 'number') ?? 0,
    utilization: field(line, 'utilization', 'number'),
    blocked: optional(line, 'blocked', 'boolean') ?? false,
  }),
  start: (line) => control({ type: 'start', scenario: field(line, 'scenario', 'string'), epoch: optional(line, 'epoch', 'number') ?? 0 }),
  end: (line) => control({ type: 'end', t: field(line, 't', 'number'), result: endOf(line) }),
  exit: (line) => control({ type: 'exit', t: field(line, 't', 'number'), code: field(line, 'code', 'number') }),
  paused: (line) => control({ type: 'paused', label: field(line, 'label', 'string'), t: field(line, 't', 'number') }),
  resumed: (line) => control({ type: 'resumed', t: field(line, 't', 'number') }),
  fault: (line) => control({ type: 'fault', text: field(line, 'text', 'string') }),
  folded: (line) => ({ kind: 'tally', entity: oneOf(line, 'kind', KINDS), state: oneOf(line, 'state', STATES), count: field(line, 'count', 'number') }),
  'load-error': (line) => control({ type: 'load-error', message: field(line, 'message', 'string') }),
};

/**
 * Every type of line a stream has, its header first (the README's table lists each); a traced
 * process's `process` line is for readers of --json, a replay needs not it (its state lines say it).
 */
export const LINE_TYPES: readonly string[] = ['stream', ...Object.keys(READERS), 'process'];

const PREFIXES: ReadonlySet<string> = new Set(KINDS.map((k) => KIND_RULES[k].prefix));

function control(message: ControlMessage): StreamEvent {
  return { kind: 'control', message };
}

function strings(line: JsonLine, name: string): string[] {
  const value = optional<unknown[]>(line, name, 'object') ?? [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new LineError(`a ${line.type} line's ${name} must be a list of strings`);
  return value as string[];
}

function endOf(line: JsonLine): RunEnd {
  return {
    scenario: field(line, 'scenario', 'string'),
    status: oneOf(line, 'status', ['ended', 'failed', 'stopped'] as const),
    ok: field(line, 'ok', 'boolean'),
    error: optional(line, 'error', 'string'),
    wallMs: field(line, 'wallMs', 'number'),
    leaks: strings(line, 'leaks'),
    neverAwaited: strings(line, 'neverAwaited'),
    total: optional(line, 'total', 'number') ?? 0,
    code: optional(line, 'code', 'number'),
  };
}

/**
 * Turns one run's lines back into the events its mirror takes. Ids are per run, numbered in the
 * order entities were made: the first line of an id makes the entity, the next ones change it.
 */
export class JsonLineReader {
  /** The number of the newest entity made. */
  #lastSeq = 0;
  #t = 0;

  /** The event a line stands for, and when; undefined for a type this reader does not know. Throws LineError. */
  fromJson(line: JsonLine): TimedEvent | undefined {
    const read = Object.hasOwn(READERS, line.type) ? READERS[line.type] : undefined;
    if (!read) return undefined;
    const event = read(line, this);
    if (typeof line.t === 'number') this.#t = line.t;
    return { t: this.#t, event };
  }

  /** A state line: the entity's first (it is made), or a change of its state. */
  entityEvent(line: JsonLine): StreamEvent {
    const state = oneOf<State>(line, 'state', STATES);
    const seq = this.seqOf(line);
    const us = optional<number>(line, 'us', 'number') ?? Math.round(field<number>(line, 't', 'number') * 1000);
    if (seq <= this.#lastSeq) return { kind: 'state', seq, state, us, text: optional(line, 'value', 'string') ?? optional(line, 'error', 'string'), shown: shownOf(line) };
    if (seq !== this.#lastSeq + 1) throw new LineError(`${String(line.id)} comes out of order: the next new entity is number ${this.#lastSeq + 1}`);
    this.#lastSeq = seq;
    const entity = oneOf<Kind>(line, 'kind', KINDS);
    return { kind: 'entity', seq, entity, naming: field(line, 'name', 'string'), state, us, parent: optional(line, 'parent', 'string'), detail: optional(line, 'detail', 'string') };
  }

  /** The sequence number in a line's id, or in another field naming an entity (`t12`: 12). */
  seqOf(line: JsonLine, name = 'id'): number {
    const id = field<string>(line, name, 'string');
    const match = /^([a-z]+)(\d+)$/.exec(id);
    if (!match || !PREFIXES.has(match[1]!)) throw new LineError(`${id} is not an entity id`);
    return Number(match[2]);
  }
}

/** A state line's value as each code view writes it, if it has one. */
function shownOf(line: JsonLine): { ts: string; py: string } | undefined {
  const shown = optional<{ ts?: unknown; py?: unknown }>(line, 'shown', 'object');
  if (shown === undefined) return undefined;
  if (typeof shown.ts !== 'string' || typeof shown.py !== 'string') throw new LineError(`a ${line.type} line's shown needs ts and py (string)`);
  return { ts: shown.ts, py: shown.py };
}

/** The scenario and settings a start line records; a line written by hand may leave the texts out. */
export function runRecordOf(line: JsonLine): RunRecord {
  const id = field<string>(line, 'scenario', 'string');
  const info = (optional<Record<string, unknown>>(line, 'info', 'object') ?? {}) as JsonLine;
  const both = (name: string): { en: string; es: string } => {
    const value = info[name] as { en?: unknown; es?: unknown } | undefined;
    return typeof value?.en === 'string' && typeof value.es === 'string' ? { en: value.en, es: value.es } : { en: '', es: '' };
  };
  const explain = info.explain as { en?: unknown; es?: unknown } | undefined;
  const lines = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const title = typeof info.title === 'string' ? info.title : info.title !== undefined ? both('title') : id;
  const python = typeof info.python === 'string' ? info.python : undefined;
  const scenario: ScenarioInfo = {
    id,
    title,
    summary: both('summary'),
    explain: { en: lines(explain?.en), es: lines(explain?.es) },
    ...(python !== undefined ? { python } : {}),
    source: typeof info.source === 'string' ? info.source : '',
  };
  const given = (optional<Record<string, unknown>>(line, 'settings', 'object') ?? {}) as Partial<Record<keyof RunSettings, unknown>>;
  const settings = settingsWith({
    speed: typeof given.speed === 'number' ? given.speed : undefined,
    lang: LANGS.find((l) => l === given.lang),
    scale: typeof given.scale === 'number' ? given.scale : undefined,
    interactive: typeof given.interactive === 'boolean' ? given.interactive : undefined,
  });
  return { scenario, settings };
}
