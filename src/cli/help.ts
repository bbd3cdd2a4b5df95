import { COMMAND_USAGE, FLAGS, flagLabel } from './flags.js';
import { keyHelpRows, MODES, scenarioKey } from '../view/keys.js';
import type { Lang } from '../settings.js';
import { localize, type Scenario } from '../scenario.js';

type KeyRows = ReturnType<typeof keyHelpRows>;

export function helpText(scenarios: readonly Scenario[]): string {
  const rows = [...FLAGS.map((f) => ({ label: flagLabel(f), help: f.help })), COMMAND_USAGE];
  const width = Math.max(...rows.map((r) => r.label.length)) + 2;
  const flags = rows.map((r) => `  ${r.label.padEnd(width)}${r.help}`).join('\n');
  const [live, trace, replay] = MODES.map((mode) => keyHelpRows('en', mode)) as [KeyRows, KeyRows, KeyRows];
  const keyWidth = Math.max(...[...live, ...trace, ...replay].map((r) => r.keys.length)) + 2;
  const keys = (rows: KeyRows) => rows.map((r) => `  ${r.keys.padEnd(keyWidth)}${r.help}`).join('\n');
  return [
    'loopscope: see tasks, futures and coroutines live on the real Node.js event loop.',
    '',
    'Usage: loopscope [options]                          (from a checkout: npm start -- [options])',
    '       loopscope [options] -- <command> [args…]     (from a checkout: npm start -- [options] -- <command>)',
    '',
    'Options:',
    flags,
    '',
    'Keys (in the dashboard; ? shows them there too):',
    keys(live),
    '',
    'Keys only for a traced command (-- <command>):',
    keys(trace.filter((row) => !live.some((l) => l.keys === row.keys && l.help === row.help))),
    '',
    'Keys in a replay (--replay):',
    keys(replay),
    '',
    `Scenarios: ${scenarios.map((s) => s.id).join(', ')} (loopscope --list describes them)`,
    '',
  ].join('\n');
}

/** `--list`: key, id and one-line summary of each scenario, in key order. */
export function listText(scenarios: readonly Scenario[], lang: Lang): string {
  const idWidth = Math.max(...scenarios.map((s) => s.id.length)) + 2;
  return (
    scenarios
      .map((s, i) => `${scenarioKey(i).padEnd(3)}${s.id.padEnd(idWidth)}${localize(s.title, lang)}: ${s.summary[lang]}`)
      .join('\n') + '\n'
  );
}
