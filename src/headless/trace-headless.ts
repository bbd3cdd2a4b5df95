import type { ScenarioInfo } from '../stream/events.js';
import { NO_NODE, TraceRun } from '../trace/trace-run.js';
import { version } from '../paths.js';
import type { StreamFile } from '../record/stream-file.js';
import type { RunSettings } from '../settings.js';
import { headerLine } from '../stream/json-lines.js';
import { followAsJson, followOutput, type Sink } from './headless.js';

export interface TraceHeadlessOptions {
  /** One JSON event per line on `out` (the command's own output then comes as `log` lines). */
  readonly json: boolean;
  /** What the start line records (--lang): a saved trace replays with them. */
  readonly settings: RunSettings;
  /** Also write the trace's stream to this file (`--save`). */
  readonly save?: StreamFile;
  readonly out: Sink;
  readonly err: Sink;
  /** Aborted when the output has gone away: the command is stopped. */
  readonly stop?: AbortSignal;
}

/**
 * Signals passed on to the command while it runs. Without --json it shares our terminal's process
 * group, and the terminal's Ctrl+C reaches it already: we only outlive it, to exit as it did.
 */
const PASSED_ON: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * A traced command with no screen; resolves to its exit code, as a shell gives it. Without --json
 * the command's output is its own (stdio inherited: the same bytes, in the same order, as when
 * run alone) and loopscope adds nothing, but a line when no Node process reported; with it,
 * every event of the trace is a JSON line.
 */
export async function runTraceHeadless(scenario: ScenarioInfo, options: TraceHeadlessOptions): Promise<number> {
  const run = new TraceRun(scenario, { output: options.json || options.save ? 'capture' : 'inherit', settings: options.settings, tracker: { retention: 16, logCapacity: 16, history: false } });
  options.save?.follow(run);
  if (options.json) {
    options.out.write(`${JSON.stringify(headerLine(version()))}\n`);
    followAsJson(run, { scenario, settings: options.settings }, options.out);
  } else if (options.save) followOutput(run, options.out, options.err);
  const stopped = () => void run.stop('the output was closed');
  options.stop?.addEventListener('abort', stopped);
  const handlers = PASSED_ON.map((signal) => {
    const handler = () => {
      if (options.json || signal !== 'SIGINT') run.signal(signal);
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  try {
    const result = await run.done;
    if (!options.json && run.nodeProcesses === 0) options.err.write(`${NO_NODE}\n`);
    return result.code ?? 1;
  } finally {
    for (const off of handlers) off();
    options.stop?.removeEventListener('abort', stopped);
  }
}
