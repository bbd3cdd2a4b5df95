import { isatty } from 'node:tty';
import { parseArgs, langFromEnv, UsageError, type Options } from './args.js';
import { inputProblem, runDashboard } from './dashboard.js';
import { runHeadless } from './headless.js';
import { strings } from './i18n.js';
import { helpText, listText, version } from './help.js';
import { loadScenarioFile } from './load-file.js';
import type { LoadedScenario } from './scenario.js';
import { findScenario, loadBuiltin, SCENARIOS } from '../scenarios/index.js';

/** Runs loopscope with these arguments; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let options: Options;
  let scenarios: LoadedScenario[];
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
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`loopscope: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const lang = options.lang ?? langFromEnv(process.env);
  if (options.list) {
    process.stdout.write(listText(SCENARIOS, lang));
    return 0;
  }
  // isatty, not process.stdout.isTTY: creating the stdout stream here would make a program's
  // first print cheaper than in plain node, and with it the order of its timers (see headless.ts).
  if (!options.headless && isatty(1)) {
    const problem = inputProblem(process.stdin);
    if (!problem) {
      const initial = options.file ? 0 : SCENARIOS.findIndex((s) => s.id === scenarios[0]!.id);
      const all = options.file ? scenarios : SCENARIOS.map(loadBuiltin);
      return runDashboard({ scenarios: all, initial, speed: options.speed, lang });
    }
    const s = strings(lang);
    process.stderr.write(`${s.headlessInstead(s[problem])}\n`);
  }
  return runHeadless(scenarios, {
    json: options.json,
    speed: options.speed,
    scale: options.scale,
    lang,
    out: { write: (text) => process.stdout.write(text) },
    err: { write: (text) => process.stderr.write(text) },
    titles: options.all,
  });
}

async function chooseScenarios(options: Options): Promise<LoadedScenario[]> {
  if (options.file) return [await loadScenarioFile(options.file)];
  if (options.all) return SCENARIOS.map(loadBuiltin);
  const id = options.scenario ?? 'seed';
  const scenario = findScenario(id);
  if (!scenario) {
    throw new UsageError(`unknown scenario '${id}'; choose one of: ${SCENARIOS.map((s) => s.id).join(', ')}`);
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
