import { isatty } from 'node:tty';
import { parseArgs, langFromEnv, type Options } from './args.js';
import { UsageError } from '../usage-error.js';
import { settingsWith, type Lang, type RunSettings } from '../settings.js';
import { inputProblem, runDashboard } from '../dashboard/dashboard.js';
import { headlessOutput, runHeadless } from '../headless/headless.js';
import { strings } from '../view/i18n.js';
import { helpText, listText } from './help.js';
import { version } from '../paths.js';
import { loadFileInfo } from './file-info.js';
import type { AgentProcess, Output } from '../observer/agent-process.js';
import type { ScenarioInfo } from '../stream/events.js';
import { processOutput } from './process-output.js';
import { ENDING_SIGNALS, SIGNAL_CODES, type EndingSignal } from '../exit-signals.js';
import { quote } from '../text/quote.js';
import { readSavedStream, type SavedStream } from '../record/saved-stream.js';
import { SessionFiles } from './session-files.js';
import { replay } from './replay.js';
import { findScenario, loadBuiltin, SCENARIOS } from '../../scenarios/index.js';
import { runTraceHeadless } from '../headless/trace-headless.js';
import { unrunnable } from '../trace/command.js';
import { TraceRun } from '../trace/trace-run.js';
import { traceScenario } from '../trace/trace-scenario.js';

/** Runs loopscope with these arguments; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    return usageError(error);
  }
  if (options.help) {
    process.stdout.write(helpText(SCENARIOS));
    return 0;
  }
  if (options.version) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const lang = options.lang ?? langFromEnv(process.env);
  const settings = settingsWith({ speed: options.speed, scale: options.scale, lang });
  if (options.command) return trace(options.command, options, settings);
  if (options.list) {
    process.stdout.write(listText(SCENARIOS, lang));
    return 0;
  }
  let files: SessionFiles;
  try {
    files = SessionFiles.open(options);
  } catch (error) {
    return usageError(error);
  }
  const problem = options.headless ? undefined : screenProblem(process.env);
  const dashboard = !options.headless && !problem;
  if (!options.headless && problem && (options.record || options.autoplay !== undefined)) {
    files.discard();
    const fix = problem === 'dumbTerminal' ? 'run it in a terminal that can draw, such as xterm' : 'run it in a terminal, not through a pipe';
    process.stderr.write(`loopscope: ${options.record ? '--record' : '--autoplay'} shows the dashboard, which needs a terminal (${strings('en')[problem]}); ${fix}\n`);
    return 2;
  }
  if (options.replay !== undefined) {
    let saved: SavedStream;
    try {
      saved = readSavedStream(options.replay);
    } catch (error) {
      files.discard();
      return usageError(error);
    }
    if (!dashboard) noticeHeadless(problem, lang);
    return replay(saved, { settings, files, dashboard, json: options.json });
  }
  let chosen: { scenarios: ScenarioInfo[]; process?: AgentProcess };
  try {
    chosen = await chooseScenarios(options, dashboard ? 'capture' : headlessOutput(options));
  } catch (error) {
    files.discard();
    return usageError(error);
  }
  if (dashboard) {
    const initial = options.file ? 0 : SCENARIOS.findIndex((s) => s.id === chosen.scenarios[0]!.id);
    const all = options.file ? chosen.scenarios : SCENARIOS.map(loadBuiltin);
    const { recording, save } = files;
    try {
      return await runDashboard({ scenarios: all, initial, settings, recording, autoplay: options.autoplay, firstProcess: chosen.process, ...(save ? { observe: (run) => save.follow(run) } : {}) });
    } finally {
      files.close();
    }
  }
  noticeHeadless(problem, lang);
  const output = processOutput();
  const stop = new AbortController();
  output.closed.addEventListener('abort', () => stop.abort('the output was closed'));
  const signalled = onEndingSignals((signal) => stop.abort(`stopped by ${signal}`));
  try {
    const code = await runHeadless(chosen.scenarios, {
      json: options.json,
      settings,
      out: output.out,
      err: output.err,
      titles: options.all,
      stop: stop.signal,
      firstProcess: chosen.process,
      save: files.save,
    });
    return signalled() ?? (await output.exitCode(code));
  } finally {
    files.close();
  }
}

/**
 * Without a terminal for its output, headless is simply the default; with one that cannot draw
 * or give keys, say so.
 */
function noticeHeadless(problem: ReturnType<typeof screenProblem> | undefined, lang: Lang): void {
  if (!problem || problem === 'stdoutNotTty') return;
  const s = strings(lang);
  process.stderr.write(`${s.headlessInstead(s[problem])}\n`);
}

/**
 * Calls `ended` for each of SIGINT (Ctrl+C), SIGTERM and SIGHUP that comes, instead of dying of
 * it; returns what says the exit code of the first (undefined until one came). A run's process
 * is in a group of its own, which a terminal's Ctrl+C does not reach: dying would leave it
 * running, for ever if it never lets its loop turn to see that its watcher is gone.
 */
function onEndingSignals(ended: (signal: EndingSignal) => void): () => number | undefined {
  let code: number | undefined;
  for (const signal of ENDING_SIGNALS) {
    process.on(signal, () => {
      code ??= SIGNAL_CODES[signal];
      ended(signal);
    });
  }
  return () => code;
}

/**
 * `loopscope [flags] -- <command> [args…]`: the command traced, in the dashboard or headless;
 * headless, loopscope exits as the command did.
 */
async function trace(command: readonly string[], options: Options, settings: RunSettings): Promise<number> {
  const why = unrunnable(command[0]!);
  if (why) return usageError(new UsageError(`cannot run ${quote(command[0]!)}: ${why}`));
  let files: SessionFiles;
  try {
    files = SessionFiles.open(options);
  } catch (error) {
    return usageError(error);
  }
  const scenario = traceScenario(command);
  const problem = options.headless ? undefined : screenProblem(process.env);
  if (!options.headless && problem && options.record) {
    files.discard();
    process.stderr.write(`loopscope: --record shows the dashboard, which needs a terminal (${strings('en')[problem]}); run it in a terminal\n`);
    return 2;
  }
  const { recording, save } = files;
  try {
    if (!options.headless && !problem) {
      return await runDashboard({
        scenarios: [scenario],
        initial: 0,
        settings,
        recording,
        mode: 'trace',
        createRun: (info, request) => {
          const run = new TraceRun(info, { output: 'capture', loop: request.loop, settings: request.settings });
          save?.follow(run);
          return run;
        },
      });
    }
    noticeHeadless(problem, settings.lang);
    const output = processOutput();
    const code = await runTraceHeadless(scenario, { json: options.json, settings, save, out: output.out, err: output.err, stop: output.closed });
    return await output.exitCode(code);
  } finally {
    files.close();
  }
}

/** A mistake on the command line: one line, exit 2. Anything else is ours, and goes on up. */
function usageError(error: unknown): number {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`loopscope: ${error.message}\n`);
  return 2;
}

/** Why the dashboard cannot be drawn here (a key of the notice's words), or undefined when it can. */
function screenProblem(env: NodeJS.ProcessEnv): 'stdoutNotTty' | 'dumbTerminal' | ReturnType<typeof inputProblem> {
  // isatty, not process.stdout.isTTY: creating the stdout stream here would make a program's
  // first print cheaper than in plain node, and with it the order of its timers (see headless.ts).
  if (!isatty(1)) return 'stdoutNotTty';
  // A dumb terminal moves no cursor: each frame would be printed below the last, for ever.
  if (env.TERM === 'dumb') return 'dumbTerminal';
  return inputProblem(process.stdin);
}

/**
 * The scenarios to run: a --file module (loaded in the process its first run will use, which
 * comes back with it), every built-in one, or the one asked for.
 */
async function chooseScenarios(options: Options, output: Output): Promise<{ scenarios: ScenarioInfo[]; process?: AgentProcess }> {
  if (options.file) {
    const { info, process } = await loadFileInfo(options.file, output);
    return { scenarios: [info], process };
  }
  if (options.all) return { scenarios: SCENARIOS.map(loadBuiltin) };
  const id = options.scenario ?? 'seed';
  const scenario = findScenario(id);
  if (!scenario) {
    throw new UsageError(`unknown scenario ${quote(id)}; choose one of: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  }
  return { scenarios: [loadBuiltin(scenario)] };
}

main(process.argv.slice(2)).then(
  (code) => {
    // Exit explicitly: a user's scenario may have left a timer or socket that would keep us alive.
    process.stdout.write('', () => process.exit(code));
  },
  (error: unknown) => {
    process.stderr.write(`loopscope: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
