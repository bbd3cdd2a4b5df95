import { isatty } from 'node:tty';
import { parseArgs, langFromEnv, type Options } from './args.js';
import { UsageError } from '../usage-error.js';
import { settingsWith } from '../settings.js';
import { inputProblem, runDashboard } from '../dashboard/dashboard.js';
import { runHeadless } from '../headless/headless.js';
import { strings } from '../view/i18n.js';
import { helpText, listText, version } from './help.js';
import { loadScenarioFile } from './load-file.js';
import { processOutput } from './process-output.js';
import { quote } from '../text/quote.js';
import { Recording } from '../record/record.js';
import type { LoadedScenario } from '../scenario.js';
import { findScenario, loadBuiltin, SCENARIOS } from '../../scenarios/index.js';

/** Runs loopscope with these arguments; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let options: Options;
  let scenarios: LoadedScenario[];
  let recording: Recording | undefined;
  try {
    options = parseArgs(argv);
    if (options.help) {
      process.stdout.write(helpText(SCENARIOS));
      return 0;
    }
    if (options.version) {
      process.stdout.write(`${version()}\n`);
      return 0;
    }
    scenarios = await chooseScenarios(options);
    // A path that cannot be written fails now, before the dashboard takes the screen.
    if (options.record && !options.list) recording = Recording.open(options.record, { overwrite: options.overwrite, protect: scenarios[0]?.file });
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`loopscope: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const lang = options.lang ?? langFromEnv(process.env);
  const settings = settingsWith({ speed: options.speed, scale: options.scale, lang });
  if (options.list) {
    process.stdout.write(listText(SCENARIOS, lang));
    return 0;
  }
  const problem = options.headless ? undefined : screenProblem(process.env);
  if (!options.headless) {
    if (!problem) {
      const initial = options.file ? 0 : SCENARIOS.findIndex((s) => s.id === scenarios[0]!.id);
      const all = options.file ? scenarios : SCENARIOS.map(loadBuiltin);
      try {
        return await runDashboard({ scenarios: all, initial, settings, recording, autoplay: options.autoplay });
      } finally {
        recording?.close();
        if (recording?.failure) process.stderr.write(`loopscope: --record: writing ${quote(recording.path)} stopped (${recording.failure}); the file holds what came before\n`);
      }
    }
    if (recording || options.autoplay !== undefined) {
      recording?.discard();
      const fix = problem === 'dumbTerminal' ? 'run it in a terminal that can draw, such as xterm' : 'run it in a terminal, not through a pipe';
      process.stderr.write(`loopscope: ${recording ? '--record' : '--autoplay'} shows the dashboard, which needs a terminal (${strings('en')[problem]}); ${fix}\n`);
      return 2;
    }
    // Without a terminal for its output, headless is simply the default; with one that cannot
    // draw or give keys, say so.
    const s = strings(lang);
    if (problem !== 'stdoutNotTty') process.stderr.write(`${s.headlessInstead(s[problem])}\n`);
  }
  const output = processOutput();
  const code = await runHeadless(scenarios, {
    json: options.json,
    settings,
    out: output.out,
    err: output.err,
    titles: options.all,
    stop: output.closed,
  });
  return output.exitCode(code);
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

async function chooseScenarios(options: Options): Promise<LoadedScenario[]> {
  if (options.file) return [await loadScenarioFile(options.file)];
  if (options.all) return SCENARIOS.map(loadBuiltin);
  const id = options.scenario ?? 'seed';
  const scenario = findScenario(id);
  if (!scenario) {
    throw new UsageError(`unknown scenario ${quote(id)}; choose one of: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  }
  return [loadBuiltin(scenario)];
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
