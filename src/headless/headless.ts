import type { AgentProcess, Output } from '../observer/agent-process.js';
import { RunClient, type ObservedEvent } from '../observer/run-client.js';
import { version } from '../paths.js';
import type { StreamFile } from '../record/stream-file.js';
import type { RunSettings } from '../settings.js';
import type { RunEnd, ScenarioInfo } from '../stream/events.js';
import { headerLine, JsonLineWriter, type RunRecord } from '../stream/json-lines.js';
import { summaryLine, titleLine } from './summary.js';

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
  /** Also write each run's stream to this file (`--save`). */
  readonly save?: StreamFile;
}

/**
 * Runs scenarios one after another with no screen, each in its own process; returns the exit code
 * (1 if any failed). The transcript is the program's own output: its process writes to ours,
 * unless the stream is wanted too (`--json`, `--save`): then its lines come as events and are
 * written from them.
 */
export async function runHeadless(scenarios: readonly ScenarioInfo[], options: HeadlessOptions): Promise<number> {
  let failed = false;
  let first = options.firstProcess;
  if (options.json) options.out.write(`${JSON.stringify(headerLine(version()))}\n`);
  for (const scenario of scenarios) {
    if (options.stop?.aborted) break;
    if (options.titles && !options.json) options.out.write(titleLine(scenario, options.settings.lang));
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

/** How a headless run's process is given its output: its own pipes when its stream is written. */
export function headlessOutput(options: { readonly json: boolean; readonly save?: unknown }): Output {
  return options.json || options.save ? 'capture' : 'inherit';
}

async function runOne(scenario: ScenarioInfo, options: HeadlessOptions, process: AgentProcess | undefined): Promise<{ result: RunEnd; outputFailed: boolean }> {
  const { out, err, json } = options;
  const output = headlessOutput(options);
  const client = new RunClient({
    scenario,
    settings: options.settings,
    output,
    ...(process ? { process } : {}),
    // Lines are written as events come; the mirror keeps next to nothing.
    tracker: { retention: 16, logCapacity: 16, history: false },
  });
  options.save?.follow(client);
  if (json) followAsJson(client, client, out);
  else if (output === 'capture') followOutput(client, out, err);
  const stopped = () => void client.stop(String(options.stop!.reason));
  options.stop?.addEventListener('abort', stopped);
  const result = await client.done;
  await client.process.gone();
  options.stop?.removeEventListener('abort', stopped);
  if (client.outputFailed) return { result, outputFailed: true };
  if (!json) err.write(summaryLine(scenario.id, result, options.settings.lang));
  return { result, outputFailed: false };
}

/** A run whose every event can be followed, and held back while its reader catches up. */
export interface EventFeed {
  onEvent(listener: (observed: ObservedEvent) => void): () => void;
  pauseEvents(): void;
  resumeEvents(): void;
}

/**
 * Writes what `print` makes of each event of the run. A reader slower than the run holds the run
 * back: while our output waits to drain, the events pipe is not read, the run's writes to it
 * wait, and nothing is dropped.
 */
function follow(feed: EventFeed, print: (observed: ObservedEvent) => readonly [Sink, string] | undefined): void {
  feed.onEvent((observed) => {
    const printed = print(observed);
    if (!printed) return;
    const [sink, text] = printed;
    if (sink.write(text) === false && sink.once) {
      feed.pauseEvents();
      sink.once('drain', () => feed.resumeEvents());
    }
  });
}

/** Writes a run's captured output where it would have gone: its stdout lines to `out`, its stderr ones to `err`. */
export function followOutput(feed: EventFeed, out: Sink, err: Sink): void {
  follow(feed, ({ event }) => (event.kind === 'log' ? [event.stream === 'stdout' ? out : err, `${event.text}\n`] : undefined));
}

/** Writes every event of a run to `out` as a JSON line (see json-lines.ts); a traced process's lines say its `pid`. */
export function followAsJson(feed: EventFeed, run: RunRecord, out: Sink): void {
  const writer = new JsonLineWriter(run);
  follow(feed, ({ event, entity, pid }) => {
    const line = writer.toJson(event, entity, pid);
    return line && [out, `${JSON.stringify(line)}\n`];
  });
}
