import { resolve } from 'node:path';
import { FLAGS, type Flag } from './flags.js';
import { UsageError } from '../usage-error.js';
import { quote } from '../text/quote.js';
import { DEFAULT_SETTINGS, LANGS, SCALES, SPEED_RANGE, type Lang } from '../settings.js';

export interface Options {
  readonly scenario: string | undefined;
  readonly list: boolean;
  readonly headless: boolean;
  readonly json: boolean;
  readonly all: boolean;
  readonly speed: number;
  readonly lang: Lang | undefined;
  readonly record: string | undefined;
  /** An existing file may be replaced by the recording or the saved stream. */
  readonly overwrite: boolean;
  readonly save: string | undefined;
  readonly replay: string | undefined;
  /** Seconds per scenario, when touring. */
  readonly autoplay: number | undefined;
  readonly file: string | undefined;
  readonly scale: number;
  readonly help: boolean;
  readonly version: boolean;
  /** The command after `--`, to trace (its own flags are its own: never read as loopscope's). */
  readonly command: readonly string[] | undefined;
}

const HINT = "run 'loopscope --help' for the flags";

/**
 * A word that reads as a number, negative ones included (-1, -.5): after a flag that takes a
 * value it is that value, so `--autoplay -1` is out of range rather than an unknown option
 * (no flag starts with a digit).
 */
const NUMBER_LIKE = /^-?\.?\d/;

/** Parses argv (without node and script) into options; throws UsageError with one clear line. */
export function parseArgs(all: readonly string[]): Options {
  // Everything after the first `--` is the command to trace, whatever it looks like.
  const dash = all.indexOf('--');
  const argv = dash < 0 ? all : all.slice(0, dash);
  const command = dash < 0 ? undefined : all.slice(dash + 1);
  if (command?.length === 0) throw new UsageError(`-- needs a command after it: loopscope -- node app.js`);
  const raw = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '-') throw new UsageError(`unexpected argument ${quote(arg)}; ${HINT}`);
    const eq = arg.indexOf('=');
    const key = eq > 0 ? arg.slice(0, eq) : arg;
    const flag = arg.startsWith('--') ? FLAGS.find((f) => `--${f.name}` === key) : FLAGS.find((f) => f.short && `-${f.short}` === key);
    if (!flag) throw new UsageError(`unknown option ${quote(key)}; ${HINT}`);
    if (raw.has(flag.name)) throw new UsageError(`--${flag.name} is given twice; give it once`);
    if (!flag.value) {
      if (eq > 0) throw new UsageError(`--${flag.name} takes no value; give it as --${flag.name}`);
      raw.set(flag.name, true);
      continue;
    }
    if (eq > 0) {
      raw.set(flag.name, arg.slice(eq + 1));
      continue;
    }
    const next = argv[i + 1];
    if (next === undefined || (next.startsWith('-') && !NUMBER_LIKE.test(next))) {
      if (flag.optionalValue) raw.set(flag.name, true);
      else throw new UsageError(`--${flag.name} needs a value: ${label(flag)}`);
      continue;
    }
    if (flag.optionalValue && !NUMBER_LIKE.test(next)) {
      raw.set(flag.name, true);
      continue;
    }
    raw.set(flag.name, next);
    i++;
  }
  const text = (name: string) => {
    const v = raw.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const options: Options = {
    scenario: nonEmpty('scenario', text('scenario')),
    list: raw.has('list'),
    headless: raw.has('headless') || raw.has('json') || raw.has('all'),
    json: raw.has('json'),
    all: raw.has('all'),
    speed: raw.has('speed') ? number('speed', text('speed'), SPEED_RANGE.min, SPEED_RANGE.max) : DEFAULT_SETTINGS.speed,
    lang: raw.has('lang') ? lang(text('lang')) : undefined,
    record: nonEmpty('record', text('record')),
    overwrite: raw.has('overwrite'),
    save: nonEmpty('save', text('save')),
    replay: nonEmpty('replay', text('replay')),
    autoplay: raw.has('autoplay') ? (raw.get('autoplay') === true ? 8 : number('autoplay', text('autoplay'), 1, 600)) : undefined,
    file: nonEmpty('file', text('file')),
    scale: raw.has('scale') ? scale(text('scale')) : DEFAULT_SETTINGS.scale,
    help: raw.has('help'),
    version: raw.has('version'),
    command,
  };
  if (command) {
    const scenarioFlag = ['scenario', 'file', 'all', 'list'].find((name) => raw.has(name));
    if (scenarioFlag) throw new UsageError(`--${scenarioFlag} is for scenarios; a command after -- is traced instead: give one or the other`);
    const timeFlag = ['speed', 'scale', 'autoplay'].find((name) => raw.has(name));
    if (timeFlag) throw new UsageError(`--${timeFlag} is for scenarios; a traced command runs at its own pace: drop --${timeFlag}`);
  }
  if (options.file && options.scenario) throw new UsageError('give --file or --scenario, not both');
  if (options.all && (options.file || options.scenario)) throw new UsageError('--all runs every built-in scenario; drop --scenario/--file');
  if (options.record && options.headless) throw new UsageError('--record records the dashboard; drop --headless/--json/--all');
  if (options.autoplay !== undefined && options.headless) throw new UsageError('--autoplay tours the dashboard; drop --headless/--json/--all');
  if (options.replay !== undefined) checkReplay(options);
  if (options.save !== undefined && options.record !== undefined && resolve(options.save) === resolve(options.record)) {
    throw new UsageError('--save and --record name the same file; give each its own');
  }
  return options;
}

/** What --replay cannot go with: it runs nothing, it plays a file. */
function checkReplay(options: Options): void {
  if (options.scenario !== undefined || options.file !== undefined || options.all) throw new UsageError('--replay plays a saved stream and runs nothing; drop --scenario/--file/--all');
  if (options.save !== undefined && resolve(options.save) === resolve(options.replay!)) {
    throw new UsageError('--save names the file --replay plays, and would replace it; drop --save');
  }
  if (options.save !== undefined) throw new UsageError('--replay plays a saved stream and runs nothing to save; drop --save (copy the file to keep it)');
  if (options.autoplay !== undefined) throw new UsageError('--autoplay tours the scenarios; drop --replay, or --autoplay');
}

function label(flag: Flag): string {
  return `--${flag.name} ${flag.value}`;
}

function nonEmpty(name: string, value: string | undefined): string | undefined {
  if (value === '') throw new UsageError(`--${name} needs a value: ${label(FLAGS.find((f) => f.name === name)!)}`);
  return value;
}

function number(name: string, value: string | undefined, min: number, max: number): number {
  const n = value !== undefined && /^\s*[\d.]+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a number from ${min} to ${max}, not ${quote(value ?? '')}`);
  }
  return n;
}

function lang(value: string | undefined): Lang {
  const found = LANGS.find((l) => l === value);
  if (found) return found;
  throw new UsageError(`--lang must be ${LANGS.join(' or ')}, not ${quote(value ?? '')}`);
}

function scale(value: string | undefined): number {
  if (value !== undefined && Object.hasOwn(SCALES, value)) return SCALES[value as keyof typeof SCALES];
  throw new UsageError(`--scale must be ${Object.keys(SCALES).join(' or ')}, not ${quote(value ?? '')}`);
}

/** The language from LC_ALL / LC_MESSAGES / LANG: Spanish for es_*, English otherwise. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^es([_.-]|$)/i.test(locale) ? 'es' : 'en';
}
