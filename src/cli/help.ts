import { FLAGS, flagLabel } from './flags.js';
import { keyHelpRows, scenarioKey } from '../view/keys.js';
import type { Lang } from '../settings.js';
import { localize, type Scenario } from '../scenario.js';

export function helpText(scenarios: readonly Scenario[]): string {
  const width = Math.max(...FLAGS.map((f) => flagLabel(f).length)) + 2;
  const flags = FLAGS.map((f) => `  ${flagLabel(f).padEnd(width)}${f.help}`).join('\n');
  const live = keyHelpRows('en', 'live');
  const replay = keyHelpRows('en', 'replay');
  const keyWidth = Math.max(...[...live, ...replay].map((r) => r.keys.length)) + 2;
  const keys = (rows: typeof live) => rows.map((r) => `  ${r.keys.padEnd(keyWidth)}${r.help}`).join('\n');
  return [
    'loopscope: see tasks, futures and coroutines live on the real Node.js event loop.',
    '',
    'Usage: loopscope [options]        (from a checkout: npm start -- [options])',
    '',
    'Options:',
    flags,
    '',
    'Keys (in the dashboard; ? shows them there too):',
    keys(live),
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
