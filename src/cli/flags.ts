/** One command-line flag; the parser, `--help` and the README's flag table all come from FLAGS. */
export interface Flag {
  readonly name: string;
  readonly short?: string;
  /** Placeholder of the value; absent for a switch. */
  readonly value?: string;
  /** The value may be left out (`--autoplay` or `--autoplay 5`). */
  readonly optionalValue?: boolean;
  readonly help: string;
}

export const FLAGS: readonly Flag[] = [
  { name: 'scenario', short: 's', value: '<id>', help: 'start on this scenario (default: seed, the notes’ program)' },
  { name: 'list', short: 'l', help: 'list scenarios (key, id, summary) and exit' },
  { name: 'headless', help: 'no dashboard: run and print a transcript (the default when stdout is not a terminal)' },
  { name: 'json', help: 'with headless: one JSON event per line' },
  { name: 'all', help: 'with headless: every built-in scenario in key order' },
  { name: 'speed', value: '<x>', help: 'time scale from 0.1 to 10 (default 1)' },
  { name: 'lang', value: '<en|es>', help: 'language of the screen and the explanations (default from LANG, else en)' },
  { name: 'record', value: '<file.cast>', help: 'also write the session as an asciicast v2 recording' },
  { name: 'autoplay', value: '[seconds]', optionalValue: true, help: 'tour every scenario for a demo (default 8 s each), then exit' },
  { name: 'file', value: '<path>', help: 'run a scenario module of your own (.ts, .js or .mjs)' },
  { name: 'scale', value: '<10k|100k>', help: 'how many tasks the rush-hour scenario starts (default 10k)' },
  { name: 'overwrite', help: 'let --record / --save replace an existing file' },
  { name: 'save', value: '<file.jsonl>', help: 'also write the event stream of every run, as JSON lines' },
  { name: 'replay', value: '<file.jsonl>', help: 'play a saved stream (or a --json output) back; headless: its transcript' },
  { name: 'help', short: 'h', help: 'show this help and exit' },
  { name: 'version', short: 'v', help: 'print the version and exit' },
];

/** The flag column as `--help` prints it: `-s, --scenario <id>`. */
export function flagLabel(flag: Flag): string {
  const short = flag.short ? `-${flag.short}, ` : '';
  return `${short}--${flag.name}${flag.value ? ` ${flag.value}` : ''}`;
}

/** The way to trace a program: not a flag, but listed with them (in `--help` and the README). */
export const COMMAND_USAGE = {
  label: '-- <command> [args…]',
  help: 'trace any program: the command runs with the probe preloaded in every Node process it starts',
} as const;
