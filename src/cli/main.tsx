import { isatty } from 'node:tty';
import { parseArgs, langFromEnv, type Options } from './args.js';
import { UsageError } from '../usage-error.js';
import { settingsWith, type RunSettings } from '../settings.js';
import { inputProblem, runDashboard } from '../dashboard/dashboard.js';
import { runHeadless } from '../headless/headless.js';
import { strings } from '../view/i18n.js';
import { helpText, listText, version } from './help.js';
import { loadFileInfo } from './file-info.js';
import type { AgentProcess, Output } from '../observer/agent-process.js';
import type { ScenarioInfo } from '../stream/events.js';
import { resolve } from 'node:path';
import { processOutput } from './process-output.js';
import { quote } from '../text/quote.js';
import { Recording } from '../record/record.js';
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
  let recording: Recording | undefined;
  try {
    // A path that cannot be written fails now, before the dashboard takes the screen (and before
    // a --file module is loaded, which runs its top-level code).
    if (options.record) recording = Recording.open(options.record, { overwrite: options.overwrite, protect: options.file ? resolve(options.file) : undefined });
  } catch (error) {
    return usageError(error);
  }
  const problem = options.headless ? undefined : screenProblem(process.env);
  const dashboard = !options.headless && !problem;
  if (!options.headless && problem && (options.record || options.autoplay !== undefined)) {
    recording?.discard();
    const fix = problem === 'dumbTerminal' ? 'run it in a terminal that can draw, such as xterm' : 'run it in a terminal, not through a pipe';
    process.stderr.write(`loopscope: ${options.record ? '--record' : '--autoplay'} shows the dashboard, which needs a terminal (${strings('en')[problem]}); ${fix}\n`);
    return 2;
  }
  let chosen: { scenarios: ScenarioInfo[]; process?: AgentProcess };
  try {
    chosen = await chooseScenarios(options, dashboard || options.json ? 'capture' : 'inherit');
  } catch (error) {
    recording?.discard();
    return usageError(error);
  }
  if (dashboard) {
    const initial = options.file ? 0 : SCENARIOS.findIndex((s) => s.id === chosen.scenarios[0]!.id);
    const all = options.file ? chosen.scenarios : SCENARIOS.map(loadBuiltin);
    try {
      return await runDashboard({ scenarios: all, initial, settings, recording, autoplay: options.autoplay, firstProcess: chosen.process });
    } finally {
      recording?.close();
      if (recording?.failure) process.stderr.write(`loopscope: --record: writing ${quote(recording.path)} stopped (${recording.failure}); the file holds what came before\n`);
    }
  }
  // Without a terminal for its output, headless is simply the default; with one that cannot
  // draw or give keys, say so.
  if (problem && problem !== 'stdoutNotTty') {
    const s = strings(lang);
    process.stderr.write(`${s.headlessInstead(s[problem])}\n`);
  }
  const output = processOutput();
  const code = await runHeadless(chosen.scenarios, {
    json: options.json,
    settings,
    out: output.out,
    err: output.err,
    titles: options.all,
    stop: output.closed,
    firstProcess: chosen.process,
  });
  return output.exitCode(code);
}

/**
 * `loopscope [flags] -- <command> [args…]`: the command traced, in the dashboard or headless;
 * headless, loopscope exits as the command did.
 */
async function trace(command: readonly string[], options: Options, settings: RunSettings): Promise<number> {
  const why = unrunnable(command[0]!);
  if (why) return usageError(new UsageError(`cannot run ${quote(command[0]!)}: ${why}`));
  let recording: Recording | undefined;
  try {
    if (options.record) recording = Recording.open(options.record, { overwrite: options.overwrite });
  } catch (error) {
    return usageError(error);
  }
  const scenario = traceScenario(command);
  const problem = options.headless ? undefined : screenProblem(process.env);
  if (!options.headless && problem && options.record) {
    recording?.discard();
    process.stderr.write(`loopscope: --record shows the dashboard, which needs a terminal (${strings('en')[problem]}); run it in a terminal\n`);
    return 2;
  }
  if (!options.headless && !problem) {
    try {
      return await runDashboard({
        scenarios: [scenario],
        initial: 0,
        settings,
        recording,
        createRun: (info, request) => new TraceRun(info, { output: 'capture', loop: request.loop }),
      });
    } finally {
      recording?.close();
      if (recording?.failure) process.stderr.write(`loopscope: --record: writing ${quote(recording.path)} stopped (${recording.failure}); the file holds what came before\n`);
    }
  }
  if (problem && problem !== 'stdoutNotTty') {
    const s = strings(settings.lang);
    process.stderr.write(`${s.headlessInstead(s[problem])}\n`);
  }
  const output = processOutput();
  const code = await runTraceHeadless(scenario, { json: options.json, out: output.out, err: output.err, stop: output.closed });
  return output.exitCode(code);
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
