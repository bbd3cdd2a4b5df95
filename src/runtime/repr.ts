import { inspect } from 'node:util';
import { ExceptionGroup, PyError } from './errors.js';

/** Something that prints itself as Python would (a Future, a Task, a coroutine object). */
interface PyPrintable {
  repr(): string;
}

/** How much reprlib shows of a future's result: asyncio limits it so a repr stays one short line. */
const LIMITS = { string: 30, list: 6, dict: 4 } as const;

/** A string as Python's repr() writes it: single quotes unless only double ones avoid escapes. */
function stringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** reprlib's cut of a long string: the start and the end of it around '...'. */
function limitedString(text: string): string {
  const max = LIMITS.string;
  const whole = stringRepr(text.slice(0, max));
  if (whole.length <= max) return whole;
  const i = Math.max(0, Math.floor((max - 3) / 2));
  const j = Math.max(0, max - 3 - i);
  const cut = stringRepr(text.slice(0, i) + text.slice(text.length - j));
  return `${cut.slice(0, i)}...${cut.slice(cut.length - j)}`;
}

function numberRepr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  return String(n);
}

function isPyPrintable(value: object): value is PyPrintable {
  return typeof (value as { repr?: unknown }).repr === 'function';
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Items of a container, each as `item(x)` writes it, cut after `max` with '...' when limited. */
function items<T>(list: readonly T[], item: (x: T) => string, max: number | undefined): string {
  const shown = max !== undefined && list.length > max ? [...list.slice(0, max).map(item), '...'] : list.map(item);
  return shown.join(', ');
}

function repr(value: unknown, limited: boolean, seen: Set<object>): string {
  if (typeof value === 'string') return limited ? limitedString(value) : stringRepr(value);
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return numberRepr(value);
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return `<function ${value.name || '<lambda>'}>`;
  if (typeof value !== 'object') return String(value);
  if (seen.has(value)) return Array.isArray(value) ? '[...]' : '{...}';
  if (isPyPrintable(value)) return value.repr();
  seen.add(value);
  try {
    const inner = (x: unknown) => repr(x, limited, seen);
    if (value instanceof ExceptionGroup) return `ExceptionGroup(${stringRepr(value.description)}, [${items(value.exceptions, inner, undefined)}])`;
    if (value instanceof PyError) return `${value.name}(${value.args.map(inner).join(', ')})`;
    if (value instanceof Error) return `${value.name}(${value.message ? stringRepr(value.message) : ''})`;
    if (Array.isArray(value)) return `[${items(value, inner, limited ? LIMITS.list : undefined)}]`;
    if (value instanceof Set) return value.size === 0 ? 'set()' : `{${items([...value], inner, limited ? LIMITS.list : undefined)}}`;
    const pair = ([k, v]: [unknown, unknown]) => `${inner(k)}: ${inner(v)}`;
    if (value instanceof Map) return `{${items([...value], pair, limited ? LIMITS.dict : undefined)}}`;
    if (isPlainObject(value)) return `{${items(Object.entries(value), pair, limited ? LIMITS.dict : undefined)}}`;
    return inspect(value, { breakLength: Infinity, depth: 2 });
  } finally {
    seen.delete(value);
  }
}

/**
 * A value as Python's repr() writes it: strings quoted as Python quotes them, None, True and
 * False, lists, dicts (plain objects and Maps), sets, exceptions as `ValueError('x')`, and futures,
 * tasks and coroutine objects as asyncio prints them.
 */
export function pyRepr(value: unknown): string {
  return repr(value, false, new Set());
}

/** repr() through reprlib, as asyncio shows a future's result: long strings and lists are cut. */
export function pyReprLimited(value: unknown): string {
  return repr(value, true, new Set());
}

/** A value as Python's str() (and print) writes it: strings as they are, exceptions as their message. */
export function pyStr(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.message;
  return pyRepr(value);
}

/** A settled value as a panel shows it: strings bare, anything else as the console would print it. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  return inspect(value, { breakLength: Infinity, depth: 1 });
}

/**
 * A resolved value as the task table writes it, in the code panel's language: `ts` as Node's
 * console prints a value inside a line (strings quoted, one line, cut deep down), `py` as
 * Python's repr() (`['a', 'b']`, `None`).
 */
export function shownValue(value: unknown): { readonly ts: string; readonly py: string } {
  if (value === undefined) return UNDEFINED_SHOWN;
  return {
    ts: inspect(value, { breakLength: Infinity, compact: true, depth: 2, maxArrayLength: 20, maxStringLength: 400 }),
    py: pyRepr(value),
  };
}

const UNDEFINED_SHOWN = Object.freeze({ ts: 'undefined', py: 'None' });
