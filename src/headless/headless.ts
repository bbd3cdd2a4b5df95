import type { AgentProcess } from '../observer/agent-process.js';
import { RunClient, type ObservedEvent } from '../observer/run-client.js';
import { localize } from '../scenario.js';
import type { RunSettings } from '../settings.js';
import type { RunEnd, ScenarioInfo } from '../stream/events.js';
import { summarize } from '../text/format.js';

/** Somewhere text can be written; false means "wait for drain", as a stream's write says. */
export interface Sink {
  write(text: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

export interface HeadlessOptions {
  readonly json: boolean;
  readonly settings: RunSettings;
  /**
   * Where the JSON lines, titles and summaries go (the program's own prints go straight to the
   * process's stdout and stderr, as under plain node). Sinks rather than streams, so that
   * process.stdout is first touched when written to.
   */
  readonly out: Sink;
  readonly err: Sink;
  /** Print a title line before each scenario (with --all). */
  readonly titles: boolean;
  /** Aborted when the output has gone away (a closed pipe, a signal): the run stops and no other starts. */
  readonly stop?: AbortSignal;
  /** The process the first scenario runs in, when one was started for it already (a --file loaded). */
  readonly firstProcess?: AgentProcess;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Runs scenarios one after another with no screen, each in its own process; returns the exit code
 * (1 if any failed). The transcript is the program's own output: its process writes to ours.
 */
export async function runHeadless(scenarios: readonly ScenarioInfo[], options: HeadlessOptions): Promise<number> {
  let failed = false;
  let first = options.firstProcess;
  for (const scenario of scenarios) {
    if (options.stop?.aborted) break;
    if (options.titles && !options.json) options.out.write(`\n== ${scenario.id}: ${localize(scenario.title, options.settings.lang)} ==\n`);
    const { result, outputFailed } = await runOne(scenario, options, first);
    first = undefined;
    // The transcript cannot be written: the run's process said why; no other run starts.
    if (outputFailed) return 1;
    if (!result.ok) failed = true;
  }
  first?.signalGroup('SIGKILL');
  // No one is reading any more: end quietly, as a program in a pipeline is expected to.
  if (options.stop?.aborted) return 0;
  return failed ? 1 : 0;
}

async function runOne(scenario: ScenarioInfo, options: HeadlessOptions, process: AgentProcess | undefined): Promise<{ result: RunEnd; outputFailed: boolean }> {
  const { out, err, json } = options;
  const client = new RunClient({
    scenario,
    settings: options.settings,
    output: json ? 'capture' : 'inherit',
    ...(process ? { process } : {}),
    // JSON lines are written as events come; the mirror keeps next to nothing.
    tracker: { retention: 16, logCapacity: 16 },
  });
  const ended = json ? followAsJson(client, out) : undefined;
  const stopped = () => void client.stop('the output was closed');
  options.stop?.addEventListener('abort', stopped);
  const result = await client.done;
  await client.process.gone();
  options.stop?.removeEventListener('abort', stopped);
  // A process that ended without saying how (a crash, process.exit) still gets its end line.
  if (ended && !ended.said) out.write(`${JSON.stringify(controlJson({ type: 'end', t: client.tracker.now(), result }))}
`);
  if (client.outputFailed) return { result, outputFailed: true };
  if (!json) {
    const mark = result.ok ? '✓' : '✗';
    const what = result.error ? `failed: ${result.error}` : result.status;
    const alive = result.leaks.length ? `left alive: ${summarize(result.leaks)}` : 'nothing left alive';
    err.write(`${mark} ${scenario.id} ${what} in ${Math.round(result.wallMs)} ms · ${result.total} entities · ${alive}\n`);
  }
  return { result, outputFailed: false };
}

/** A run whose every event can be followed, and held back while its reader catches up. */
export interface EventFeed {
  onEvent(listener: (observed: ObservedEvent) => void): () => void;
  pauseEvents(): void;
  resumeEvents(): void;
}

/**
 * Writes every event of the run as a DESIGN §5 JSON line. A reader slower than the run holds the
 * run back: while our output waits to drain, the events pipe is not read, the run's writes to it
 * wait, and nothing is dropped.
 */
export function followAsJson(feed: EventFeed, out: Sink): { said: boolean } {
  const ended = { said: false };
  feed.onEvent((observed) => {
    if (observed.event.kind === 'control' && observed.event.message.type === 'end') ended.said = true;
    const line = toJson(observed);
    if (line === undefined) return;
    if (out.write(`${JSON.stringify(line)}\n`) === false && out.once) {
      feed.pauseEvents();
      out.once('drain', () => feed.resumeEvents());
    }
  });
  return ended;
}

/**
 * An event of the stream as a DESIGN §5 JSON line (undefined for those the format leaves out);
 * a traced command's lines say which process they came from (`pid`).
 */
export function toJson(observed: ObservedEvent): object | undefined {
  const line = jsonLine(observed);
  return line === undefined || observed.pid === undefined ? line : { ...line, pid: observed.pid };
}

function jsonLine({ event, entity }: ObservedEvent): object | undefined {
  switch (event.kind) {
    case 'entity':
    case 'state': {
      if (!entity) return undefined;
      const view = entity.toView();
      return {
        t: round(event.us / 1000),
        type: 'state',
        id: view.id,
        kind: view.kind,
        name: view.name,
        state: event.state,
        ...(event.kind === 'state' && event.text !== undefined ? { [view.state === 'rejected' || view.state === 'cancelled' ? 'error' : 'value']: event.text } : {}),
        ...(view.parent !== undefined ? { parent: view.parent } : {}),
      };
    }
    case 'log':
      return { t: round(event.t), type: 'log', stream: event.stream, text: event.text };
    case 'step':
      return { t: round(event.t), type: 'step', label: event.label, ...(event.line !== undefined ? { line: event.line } : {}) };
    case 'mark':
      return { t: round(event.end), type: 'mark', kind: event.mark, start: round(event.start), end: round(event.end) };
    case 'loop':
      return { t: round(event.t), type: 'loop', lagMs: round(event.lagMs), utilization: Math.round(event.utilization * 100) / 100, p99Ms: round(event.p99Ms), maxMs: round(event.maxMs) };
    case 'tally':
      return { type: 'folded', kind: event.entity, state: event.state, count: event.count };
    case 'named':
      return undefined;
    case 'control':
      // A traced process joined: its entity says when, and its own id.
      if (event.message.type === 'hello' && event.message.argv && entity) {
        return { t: round(entity.created), type: 'process', id: entity.id, ...(entity.parent ? { parent: entity.parent } : {}), ppid: event.message.ppid, argv: event.message.argv };
      }
      return controlJson(event.message);
  }
}

function controlJson(message: Extract<ObservedEvent['event'], { kind: 'control' }>['message']): object | undefined {
  switch (message.type) {
    case 'start':
      return { t: 0, type: 'start', scenario: message.scenario };
    case 'end': {
      const r = message.result;
      return { t: round(message.t), type: 'end', scenario: r.scenario, ok: r.ok, status: r.status, wallMs: round(r.wallMs), ...(r.error ? { error: r.error } : {}), leaks: r.leaks, ...(r.code === undefined ? {} : { code: r.code }) };
    }
    case 'exit':
      return { t: round(message.t), type: 'exit', code: message.code };
    case 'paused':
      return { t: round(message.t), type: 'paused', label: message.label };
    case 'resumed':
      return { t: round(message.t), type: 'resumed' };
    case 'fault':
      return { type: 'fault', text: message.text };
    default:
      return undefined;
  }
}
