import { wholeLines, type RecordedRun, type SavedStream } from '../record/saved-stream.js';
import type { Lang } from '../settings.js';
import { formatMs } from '../text/format.js';
import type { Sink } from './headless.js';
import { summaryLine, titleLine } from './summary.js';

export interface ReplayTranscriptOptions {
  /** Print the stream's lines again instead of the transcript. */
  readonly json: boolean;
  readonly lang: Lang;
  /** The program's stdout lines go to `out`, its stderr lines and the summaries to `err`. */
  readonly out: Sink;
  readonly err: Sink;
}

/**
 * `--headless --replay`: what the recorded runs printed, each ended by its summary line, as the
 * headless run that saved them printed it (with a title before each when there are several, as
 * `--all` prints them); with `--json`, the stream's whole lines as they were saved. Returns the
 * exit code the runs had: 1 if one failed.
 */
export function replayTranscript(saved: SavedStream, options: ReplayTranscriptOptions): number {
  const { out, err } = options;
  if (options.json) out.write(wholeLines(saved));
  else {
    const titles = saved.runs.length > 1;
    for (const run of saved.runs) {
      if (titles) out.write(titleLine(run.scenario, options.lang));
      for (const { event } of run.events) if (event.kind === 'log') (event.stream === 'stdout' ? out : err).write(`${event.text}\n`);
      err.write(run.result ? summaryLine(run.scenario.id, run.result, options.lang) : unfinished(run));
    }
  }
  return saved.runs.some((run) => run.result?.ok === false) ? 1 : 0;
}

/** The summary of a run whose recording stops before its end line. */
function unfinished(run: RecordedRun): string {
  return `… ${run.scenario.id}: the recording stops ${formatMs(run.length)} in, before the run ended\n`;
}
