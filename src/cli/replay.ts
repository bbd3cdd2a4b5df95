import { runDashboard } from '../dashboard/dashboard.js';
import { replayTranscript } from '../headless/replay-transcript.js';
import { ReplayRun } from '../record/replay-run.js';
import { cutNotice, type SavedStream } from '../record/saved-stream.js';
import type { RunSettings } from '../settings.js';
import { processOutput } from './process-output.js';
import type { SessionFiles } from './session-files.js';

/** How the command line asks for a replay. */
export interface ReplayChoices {
  readonly settings: RunSettings;
  /** A replay in the dashboard can be recorded (`--record`); closed here. */
  readonly files: SessionFiles;
  /** Play it in the dashboard; otherwise print its transcript (or, with `json`, its lines). */
  readonly dashboard: boolean;
  readonly json: boolean;
}

/**
 * `--replay`: a saved stream played back in the dashboard, one tab per recorded run, starting on
 * the first (`--speed` is the replay's speed); or, headless, its transcript. A file cut short
 * says so on one line (the footer, or stderr) and replays what is whole.
 */
export async function replay(saved: SavedStream, options: ReplayChoices): Promise<number> {
  const notice = cutNotice(saved);
  if (!options.dashboard) {
    options.files.close();
    if (notice) process.stderr.write(`loopscope: ${notice}\n`);
    const output = processOutput();
    const code = replayTranscript(saved, { json: options.json, lang: options.settings.lang, out: output.out, err: output.err });
    return output.exitCode(code);
  }
  const scenarios = saved.runs.map((run) => run.scenario);
  try {
    return await runDashboard({
      scenarios,
      initial: 0,
      settings: options.settings,
      recording: options.files.recording,
      mode: 'replay',
      createRun: (scenario, request) => new ReplayRun(saved.runs[scenarios.indexOf(scenario)]!, { speed: request.settings.speed, loop: request.loop }),
      ...(notice ? { message: () => notice } : {}),
    });
  } finally {
    options.files.close();
  }
}
