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
  readonly path: string;
  readonly runs: readonly RecordedRun[];
  /** How many bytes of the file are whole lines. */
  readonly wholeBytes: number;
  /** The line cut mid-way at the end of the file (its number), when one was. */
  readonly cutAt: number | undefined;
}

const FIX = 'give a file written by --save or --json';
const NEWLINE = 0x0a;

/**
 * Reads and checks a `--replay` file: a stream header of this format's version, then runs,
 * each line JSON. A last line cut mid-way (a writer that was killed) is left out, and said; any
 * other problem is a ReplayError naming the file, the line and the fix.
 */
export function readSavedStream(path: string): SavedStream {
  const bytes = readWhole(path);
  const runs: RunBuilder[] = [];
  let cutAt: number | undefined;
  let at = 0;
  for (let number = 1; at < bytes.length; number++) {
    const newline = bytes.indexOf(NEWLINE, at);
    const end = newline < 0 ? bytes.length : newline;
    // Line by line: most lines are ASCII, while a whole file decoded at once would be a string of
    // two bytes a character as soon as one line is not (a scenario's source), and twice as slow.
    const text = bytes.toString('utf8', at, end);
    const line = parse(text);
    if (line === undefined && newline < 0) {
      cutAt = number;
      break;
    }
    at = end + 1;
    if (number === 1) checkHeader(path, line);
    else if (text.trim() !== '') read(path, number, line, runs);
  }
  if (cutAt === 1) {
    const what = bytes[0] === 0x7b ? 'was cut short in its first line' : 'is not JSON lines (line 1 is not a JSON object)';
    throw new ReplayError(`--replay: ${quote(path)} ${what}; ${FIX}`);
  }
  if (runs.length === 0) throw new ReplayError(`--replay: ${quote(path)} holds no run (no start line); ${FIX}`);
  return { path, runs: runs.map((r) => r.done()), wholeBytes: Math.min(at, bytes.length), cutAt };
}

/** The whole lines of a saved stream, as written (`--json --replay` prints them again). */
export function wholeLines(saved: SavedStream): string {
  return readFileSync(saved.path).toString('utf8', 0, saved.wholeBytes);
}

/** The notice for a file cut short: what is replayed, on one line. */
export function cutNotice(saved: SavedStream): string | undefined {
  if (saved.cutAt === undefined) return undefined;
  return `--replay: ${quote(saved.path)} was cut short (line ${saved.cutAt} is incomplete); replaying the ${saved.cutAt - 1} whole lines before it`;
}

/** Takes a line (after the header) into the run it belongs to: a start line begins one. */
function read(path: string, number: number, line: JsonLine | undefined, runs: RunBuilder[]): void {
  if (line === undefined) throw new ReplayError(`--replay: ${quote(path)} line ${number} is not a JSON object; ${FIX}`);
  try {
    if (line.type === 'start') runs.push(new RunBuilder(line));
    runs.at(-1)?.add(line);
  } catch (error) {
    if (error instanceof LineError) throw new ReplayError(`--replay: ${quote(path)} line ${number}: ${error.message}`);
    throw error;
  }
}

function readWhole(path: string): Buffer {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new ReplayError(`--replay: ${quote(path)} is a directory; name a file in it, saved with --save`);
    if (!stat.isFile()) throw new ReplayError(`--replay: ${quote(path)} is not a regular file; ${FIX}`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof ReplayError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ReplayError(`--replay: no such file ${quote(path)}`);
    throw new ReplayError(`--replay: cannot read ${quote(path)}: ${systemReason(error)}`);
  }
  if (bytes.length === 0) throw new ReplayError(`--replay: ${quote(path)} is empty; ${FIX}`);
  return bytes;
}

function parse(text: string): JsonLine | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as JsonLine).type === 'string' ? (value as JsonLine) : undefined;
  } catch {
    return undefined;
  }
}

function checkHeader(path: string, header: JsonLine | undefined): void {
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
