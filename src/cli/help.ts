import { readFileSync } from 'node:fs';
import { packageFile } from '../paths.js';
import { COMMAND_USAGE, FLAGS, flagLabel } from './flags.js';
import { keyHelpRows, scenarioKey } from '../view/keys.js';
import type { Lang } from '../settings.js';
import { localize, type Scenario } from '../scenario.js';

/** The package version, read from its package.json. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export function helpText(scenarios: readonly Scenario[]): string {
  const rows = [...FLAGS.map((f) => ({ label: flagLabel(f), help: f.help })), COMMAND_USAGE];
  const width = Math.max(...rows.map((r) => r.label.length)) + 2;
  const flags = rows.map((r) => `  ${r.label.padEnd(width)}${r.help}`).join('\n');
  const keyRows = keyHelpRows('en');
  const keyWidth = Math.max(...keyRows.map((r) => r.keys.length)) + 2;
  const keys = keyRows.map((r) => `  ${r.keys.padEnd(keyWidth)}${r.help}`).join('\n');
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
    keys,
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
