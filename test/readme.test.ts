import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_USAGE, FLAGS, flagLabel } from '../src/cli/flags.js';
import { helpText } from '../src/cli/help.js';
import { LINE_TYPES } from '../src/stream/json-lines.js';
import { keyHelpRows, scenarioKey } from '../src/view/keys.js';
import { localize } from '../src/scenario.js';
import { SCENARIOS } from '../scenarios/index.js';
import { cli } from './helpers/cli.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The README says what the code does: its tables come from the same tables as --help. */
describe('README', () => {
  it('opens with what loopscope is, then the two set-up commands', () => {
    const head = readme.split('\n').slice(0, 15).join('\n');
    expect(head).toMatch(/live terminal dashboard/);
    expect(head).toContain('```sh\nnpm install && npm start\nnpm test\n```');
  });

  it('lists every flag as --help does', () => {
    const help = helpText(SCENARIOS);
    for (const flag of FLAGS) {
      expect(readme).toContain(`| \`${cell(flagLabel(flag))}\` | ${cell(flag.help)} |`);
      expect(help).toContain(flagLabel(flag));
    }
    expect(readme).toContain(`| \`${cell(COMMAND_USAGE.label)}\` | ${cell(COMMAND_USAGE.help)} |`);
    expect(help.split('\n').some((line) => line.trim().startsWith(COMMAND_USAGE.label) && line.trim().endsWith(COMMAND_USAGE.help))).toBe(true);
  });

  it('lists every key of the key table: the live ones under Keys, the replay ones under Save and replay, a trace’s own under Trace', () => {
    const section = (heading: string) => readme.split(`\n## ${heading}\n`)[1]!.split('\n## ')[0]!;
    const live = keyHelpRows('en', 'live');
    for (const [mode, heading] of [['live', 'Keys'], ['replay', 'Save and replay'], ['trace', 'Trace any Node program']] as const) {
      const rows = keyHelpRows('en', mode).filter((row) => mode !== 'trace' || !live.some((l) => l.keys === row.keys && l.help === row.help));
      for (const row of rows) expect(section(heading), mode).toContain(`| ${cell(row.keys)} | ${cell(row.help)} |`);
    }
  });

  it('lists every type of JSON line with its fields', () => {
    const lines = readme.split('\n### The lines\n')[1]!.split('\n## ')[0]!;
    for (const type of LINE_TYPES) expect(lines, type).toMatch(new RegExp(`^\\| (\`[a-z-]+\`, )?\`${type}\`(,| \\|)`, 'm'));
  });

  it('lists every scenario with its key, title and summary', () => {
    SCENARIOS.forEach((s, i) => {
      expect(readme).toContain(`| ${scenarioKey(i)} | \`${s.id}\` | ${cell(localize(s.title, 'en'))} | ${cell(s.summary.en)} |`);
    });
  });

  it('shows the seed transcript the binary really prints (timings aside)', () => {
    const block = /\$ npm start --silent -- --headless -s seed\n([\s\S]*?)```/.exec(readme)![1]!;
    const shown = block.trim().split('\n');
    const run = cli(['--headless', '-s', 'seed']);
    const printed = `${run.stdout}${run.stderr}`.trim().split('\n');
    const mask = (line: string) => line.replace(/\d+(\.\d+)?/g, 'N');
    expect(printed.map(mask)).toEqual(shown.map(mask));
  });

  it('links only files that exist', () => {
    for (const [, target] of readme.matchAll(/\]\(([^)#]+)\)/g)) {
      if (/^https?:/.test(target!)) continue;
      expect(() => readFileSync(new URL(`../${target}`, import.meta.url)), target).not.toThrow();
    }
  });
});
