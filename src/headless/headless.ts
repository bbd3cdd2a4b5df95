import type { AgentProcess } from '../observer/agent-process.js';
import { RunClient, type ObservedEvent } from '../observer/run-client.js';
import { localize } from '../scenario.js';
import type { RunSettings } from '../settings.js';
import type { RunEnd, ScenarioInfo } from '../stream/events.js';
import { summarize } from '../text/format.js';
import { strings } from '../view/i18n.js';

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
  /**
   * Aborted, with the reason the run is stopped for, when the output has gone away (a closed pipe)
   * or a signal came: the run stops and no other starts.
   */
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
    tracker: { retention: 16, logCapacity: 16, history: false },
  });
  const ended = json ? followAsJson(client, out) : undefined;
  const stopped = () => void client.stop(String(options.stop!.reason));
  options.stop?.addEventListener('abort', stopped);
  const result = await client.done;
  await client.process.gone();
  options.stop?.removeEventListener('abort', stopped);
  // A process that ended without saying how (a crash, process.exit) still gets its end line.
  if (ended && !ended.said) out.write(`${JSON.stringify(controlJson({ type: 'end', t: client.tracker.now(), result }))}
`);
  if (client.outputFailed) return { result, outputFailed: true };
  if (!json) {
    const s = strings(options.settings.lang);
    const mark = result.ok ? '✓' : '✗';
    const alive = result.leaks.length ? s.leftAlive(summarize(result.leaks)) : s.nothingLeft;
    err.write(`${mark} ${s.transcriptEnd(scenario.id, result.status, result.error, Math.round(result.wallMs), result.total)} · ${alive}\n`);
  }
  return { result, outputFailed: false };
}

/**
 * Writes every event of the run as a DESIGN §5 JSON line. A reader slower than the run holds the
 * run back: while our output waits to drain, the events pipe is not read, the run's writes to it
 * wait, and nothing is dropped.
 */
function followAsJson(client: RunClient, out: Sink): { said: boolean } {
  const ended = { said: false };
  client.onEvent((observed) => {
    if (observed.event.kind === 'control' && observed.event.message.type === 'end') ended.said = true;
    const line = toJson(observed);
    if (line === undefined) return;
    if (out.write(`${JSON.stringify(line)}\n`) === false && out.once) {
      client.process.pauseEvents();
      out.once('drain', () => client.process.resumeEvents());
    }
  });
  return ended;
}

/** An event of the stream as a DESIGN §5 JSON line (undefined for those the format leaves out). */
export function toJson({ event, entity }: ObservedEvent): object | undefined {
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
        ...(event.kind === 'state' && event.text !== undefined ? { [view.state === 'resolved' ? 'value' : 'error']: event.text } : {}),
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
    case 'named':
      return undefined;
    case 'await': {
      const target = entity?.more?.awaiting;
      return entity && target ? { t: round(entity.changedUs / 1000), type: 'await', id: entity.id, target } : undefined;
    }
    case 'warn':
      return entity ? { type: 'warn', id: entity.id, warning: event.warning, ...(event.warning === 'blocked' ? { ms: round(event.ms) } : {}) } : undefined;
    case 'site':
      return entity ? { type: 'site', id: entity.id, site: event.site } : undefined;
    case 'control':
      return controlJson(event.message);
  }
}

function controlJson(message: Extract<ObservedEvent['event'], { kind: 'control' }>['message']): object | undefined {
  switch (message.type) {
    case 'start':
      return { t: 0, type: 'start', scenario: message.scenario };
    case 'end': {
      const r = message.result;
      return { t: round(message.t), type: 'end', scenario: r.scenario, ok: r.ok, status: r.status, wallMs: round(r.wallMs), ...(r.error ? { error: r.error } : {}), leaks: r.leaks };
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
