import { readFileSync, statSync } from 'node:fs';
import { version } from '../paths.js';
import type { RunSettings } from '../settings.js';
import type { RunEnd, ScenarioInfo } from '../stream/events.js';
import { JsonLineReader, LineError, runRecordOf, STREAM_VERSION, type JsonLine, type TimedEvent } from '../stream/json-lines.js';
import { quote } from '../text/quote.js';
import { systemReason } from '../text/system-error.js';
import { UsageError } from '../usage-error.js';

/** A `--replay` file that cannot be played: exit 2 with this one line. */
export class ReplayError extends UsageError {
  override name = 'ReplayError';
}

/** One run of a saved stream: its section, from its start line to the next run's. */
export interface RecordedRun {
  readonly scenario: ScenarioInfo;
  /** What it was asked to run with. */
  readonly settings: RunSettings;
  /** Its events in order, each with its time. */
  readonly events: readonly TimedEvent[];
  /** Milliseconds from its start to its last line: how long its replay lasts at 1x. */
  readonly length: number;
  /** How it ended, from its end line; undefined when the stream stops before. */
  readonly result: RunEnd | undefined;
}

/** A saved stream, read whole and checked: its runs, and whether the file was cut short. */
export interface SavedStream {
  readonly runs: readonly RecordedRun[];
  /** The whole lines of the file, as written (`--json --replay` prints them again). */
  readonly text: string;
  /** The line cut mid-way at the end of the file (its number), when one was. */
  readonly cutAt: number | undefined;
}

const FIX = 'give a file written by --save or --json';

/**
 * Reads and checks a `--replay` file: a stream header of this format's version, then runs,
 * each line JSON. A last line cut mid-way (a writer that was killed) is left out, and said; any
 * other problem is a ReplayError naming the file, the line and the fix.
 */
export function readSavedStream(path: string): SavedStream {
  const text = readWhole(path);
  const lines = text.split('\n');
  const last = lines.pop()!;
  let cutAt: number | undefined;
  if (last !== '') {
    if (parse(last) === undefined) cutAt = lines.length + 1;
    else lines.push(last);
  }
  if (lines.length === 0) {
    const what = last.startsWith('{') ? 'was cut short in its first line' : 'is not JSON lines (line 1 is not a JSON object)';
    throw new ReplayError(`--replay: ${quote(path)} ${what}; ${FIX}`);
  }
  checkHeader(path, lines[0]!);
  const runs: RunBuilder[] = [];
  lines.forEach((text, i) => {
    if (i === 0 || text.trim() === '') return;
    const line = parse(text);
    if (line === undefined) throw new ReplayError(`--replay: ${quote(path)} line ${i + 1} is not a JSON object; ${FIX}`);
    try {
      if (line.type === 'start') runs.push(new RunBuilder(line));
      runs.at(-1)?.add(line);
    } catch (error) {
      if (error instanceof LineError) throw new ReplayError(`--replay: ${quote(path)} line ${i + 1}: ${error.message}`);
      throw error;
    }
  });
  if (runs.length === 0) throw new ReplayError(`--replay: ${quote(path)} holds no run (no start line); ${FIX}`);
  const whole = cutAt === undefined ? text : text.slice(0, text.length - last.length);
  return { runs: runs.map((r) => r.done()), text: whole, cutAt };
}

/** The notice for a file cut short: what is replayed, on one line. */
export function cutNotice(path: string, saved: SavedStream): string | undefined {
  if (saved.cutAt === undefined) return undefined;
  return `--replay: ${quote(path)} was cut short (line ${saved.cutAt} is incomplete); replaying the ${saved.cutAt - 1} whole lines before it`;
}

function readWhole(path: string): string {
  let text: string;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new ReplayError(`--replay: ${quote(path)} is a directory; name a file in it, saved with --save`);
    if (!stat.isFile()) throw new ReplayError(`--replay: ${quote(path)} is not a regular file; ${FIX}`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof ReplayError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ReplayError(`--replay: no such file ${quote(path)}`);
    if (code === 'ERR_STRING_TOO_LONG') throw new ReplayError(`--replay: ${quote(path)} is too large to replay; save shorter runs`);
    throw new ReplayError(`--replay: cannot read ${quote(path)}: ${systemReason(error)}`);
  }
  if (text === '') throw new ReplayError(`--replay: ${quote(path)} is empty; ${FIX}`);
  return text;
}

function parse(text: string): JsonLine | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as JsonLine).type === 'string' ? (value as JsonLine) : undefined;
  } catch {
    return undefined;
  }
}

function checkHeader(path: string, text: string): void {
  const header = parse(text);
  if (header === undefined) throw new ReplayError(`--replay: ${quote(path)} is not JSON lines (line 1 is not a JSON object); ${FIX}`);
  if (header.type !== 'stream') throw new ReplayError(`--replay: ${quote(path)} is not a loopscope stream (line 1 is not its {"type":"stream"} header); ${FIX}`);
  if (header.version !== STREAM_VERSION) {
    const by = typeof header.loopscope === 'string' ? ` (loopscope ${header.loopscope})` : '';
    throw new ReplayError(`--replay: ${quote(path)} is a stream of format version ${String(header.version)}${by}; this loopscope (${version()}) reads version ${STREAM_VERSION}`);
  }
}

/** A run's section as its lines come. */
class RunBuilder {
  readonly #record: ReturnType<typeof runRecordOf>;
  readonly #reader = new JsonLineReader();
  readonly #events: TimedEvent[] = [];
  #length = 0;
  #result: RunEnd | undefined;

  constructor(start: JsonLine) {
    this.#record = runRecordOf(start);
  }

  add(line: JsonLine): void {
    const timed = this.#reader.fromJson(line);
    if (!timed) return;
    this.#events.push(timed);
    this.#length = Math.max(this.#length, timed.t);
    const { event } = timed;
    if (event.kind === 'control' && event.message.type === 'end') this.#result ??= event.message.result;
  }

  done(): RecordedRun {
    return { ...this.#record, events: this.#events, length: this.#length, result: this.#result };
  }
}
