import { closeSync, fstatSync, ftruncateSync, openSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { UsageError } from '../usage-error.js';
import { printable, quote, QUOTE_MAX } from '../text/quote.js';
import { systemReason } from '../text/system-error.js';
import { withWrite, writeTo } from './stream-with-write.js';

/** A `--record` path that cannot be written: exit 2 with this one line. */
export class RecordError extends UsageError {
  override name = 'RecordError';
}

/** What went wrong with a recording path, and what to do instead, in one line. */
function problem(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      // A folder that exists yet makes no file in it (/proc) is no folder for the user to create.
      if (isFolder(dirname(path))) return `--record: cannot create ${quote(path)}: ${systemReason(error)}; record to a folder you can write, such as ./demo.cast`;
      return `--record: the folder ${quote(dirname(path))} does not exist; create it first or record to another path`;
    case 'EISDIR':
      return aFolder(path);
    case 'ENOTDIR':
      return `--record: ${quote(dirname(path))} is not a folder; record to a path inside a folder`;
    case 'EACCES':
      return `--record: no permission to write ${quote(path)}; record to a folder you can write, such as ./demo.cast`;
    case 'EROFS':
      return `--record: ${quote(path)} is on a read-only file system (EROFS); record to a folder you can write, such as ./demo.cast`;
    case 'EPERM':
      return `--record: cannot write ${quote(path)}: ${systemReason(error)}; record to a folder you can write, such as ./demo.cast`;
    default:
      return `--record: cannot write ${quote(path)}: ${systemReason(error)}; record to another path`;
  }
}

function aFolder(path: string): string {
  return `--record: ${quote(path)} is a folder; name a file in it, such as ${printable(join(path, 'demo.cast'), QUOTE_MAX)}`;
}

function exists(path: string): string {
  return `--record: ${quote(path)} already exists; add --overwrite to replace it, or record to another path`;
}

function theModule(path: string): string {
  return `--record: ${quote(path)} is the --file module being run, and recording would replace it; record to another path, such as ./demo.cast`;
}

/** The same file, whatever the path that reached it (a symbolic or a hard link). */
function sameFile(a: Stats, b: Stats | undefined): boolean {
  return a.dev === b?.dev && a.ino === b.ino;
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** How Recording.open treats a path that exists. */
export interface OpenOptions {
  /** `--overwrite`: an existing file may be replaced. */
  readonly overwrite?: boolean;
  /** A file never to record onto, even with `overwrite`: the --file module being run. */
  readonly protect?: string;
}

/** The asciicast v2 header: https://docs.asciinema.org/manual/asciicast/v2/ */
interface CastHeader {
  readonly version: 2;
  readonly width: number;
  readonly height: number;
  /** Unix time (seconds) the recording started. */
  readonly timestamp: number;
  readonly env: { readonly TERM?: string; readonly SHELL?: string };
}

/**
 * An asciicast v2 recording of what the dashboard writes to the terminal. Every write becomes a
 * line `[seconds, "o", text]` and every resize `[seconds, "r", "WxH"]`, written to the file at once
 * (synchronously): whatever was on screen before a crash is in the file.
 */
export class Recording {
  readonly path: string;
  #fd: number | undefined;
  /** False when open() made the file: discard() then removes it again. */
  readonly #existed: boolean;
  #t0 = 0;
  #started = false;
  #last = 0;
  readonly #decoder = new TextDecoder('utf-8');
  /** The first write error; recording stops there, and the dashboard goes on. */
  #failure: string | undefined;

  private constructor(path: string, fd: number, existed: boolean) {
    this.path = path;
    this.#fd = fd;
    this.#existed = existed;
  }

  /**
   * Opens the file for writing, so a path that cannot be written fails now, before the dashboard
   * starts; throws RecordError naming the problem and the fix. A file that exists is refused
   * unless `overwrite` (as `asciinema rec` does), and is emptied only when the recording starts;
   * a device or a pipe that exists (/dev/stderr) is written as it is, since nothing is replaced.
   */
  static open(path: string, options: OpenOptions = {}): Recording {
    try {
      const existing = statSync(path, { throwIfNoEntry: false });
      if (existing?.isDirectory()) throw new RecordError(aFolder(path));
      if (existing && options.protect && sameFile(existing, statSync(options.protect, { throwIfNoEntry: false }))) throw new RecordError(theModule(path));
      if (existing?.isFile() && !options.overwrite) throw new RecordError(exists(path));
      // A new file is made exclusively: one that appeared since the check (or a symbolic link
      // to nothing) is not taken over without --overwrite.
      return new Recording(path, openSync(path, existing || options.overwrite ? 'a' : 'ax'), existing !== undefined);
    } catch (error) {
      if (error instanceof RecordError) throw error;
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new RecordError(exists(path));
      throw new RecordError(problem(path, error));
    }
  }

  /** Why writing stopped before the end, if it did (a full disk, a removed folder). */
  get failure(): string | undefined {
    return this.#failure;
  }

  /** Writes the header: the terminal's size now, and the start of the clock of every event. */
  start(width: number, height: number, env: NodeJS.ProcessEnv, timestamp = Date.now()): void {
    if (this.#started) return;
    this.#started = true;
    this.#t0 = performance.now();
    try {
      // A pipe or a device (/dev/stderr) is written as it is; only a file is emptied first.
      if (this.#fd !== undefined && fstatSync(this.#fd).isFile()) ftruncateSync(this.#fd, 0);
    } catch (error) {
      this.#fail(error);
    }
    const header: CastHeader = {
      version: 2,
      width,
      height,
      timestamp: Math.floor(timestamp / 1000),
      env: { TERM: env.TERM, SHELL: env.SHELL },
    };
    this.#write(JSON.stringify(header));
  }

  /**
   * Records bytes written to the terminal, as the terminal gets them: the line discipline turns
   * each `\n` into `\r\n` (ONLCR, on in every terminal, raw mode included), and a player (in a
   * browser, or a terminal with output processing off) needs the `\r`.
   */
  output(data: string | Uint8Array): void {
    const text = typeof data === 'string' ? data : this.#decoder.decode(data, { stream: true });
    if (text) this.#event('o', text.replace(/\n/g, '\r\n'));
  }

  resize(width: number, height: number): void {
    this.#event('r', `${width}x${height}`);
  }

  /**
   * The stream to draw on instead of `stream`: the same terminal, with every write also recorded.
   * Only `write` differs; everything else (size, events, TTY state) is the terminal's own.
   */
  tee(stream: NodeJS.WriteStream): NodeJS.WriteStream {
    return withWrite(stream, (chunk, ...rest) => {
      this.output(chunk);
      return writeTo(stream, chunk, rest);
    });
  }

  /**
   * Records the terminal's resizes. Call it before anything redraws on resize, so that the "r"
   * event comes before the frame drawn for the new size. Returns the way to stop.
   */
  followResizes(stream: NodeJS.WriteStream): () => void {
    const onResize = () => this.resize(stream.columns, stream.rows);
    stream.on('resize', onResize);
    return () => stream.off('resize', onResize);
  }

  close(): void {
    const fd = this.#fd;
    this.#fd = undefined;
    if (fd !== undefined) closeSync(fd);
  }

  /** Closes a recording that never started, removing the file if open() made it. */
  discard(): void {
    this.close();
    if (this.#started || this.#existed) return;
    try {
      unlinkSync(this.path);
    } catch {
      // Someone else removed it already: nothing is left behind either way.
    }
  }

  #event(code: 'o' | 'r', data: string): void {
    if (!this.#started) return;
    // Times never go back, even across rounding: players expect them in order.
    const t = Math.max(this.#last, Math.round(performance.now() - this.#t0) / 1000);
    this.#last = t;
    this.#write(JSON.stringify([t, code, data]));
  }

  #write(line: string): void {
    if (this.#fd === undefined || this.#failure) return;
    try {
      writeSync(this.#fd, `${line}\n`);
    } catch (error) {
      this.#fail(error);
    }
  }

  #fail(error: unknown): void {
    this.#failure ??= (error as NodeJS.ErrnoException).code ?? String(error);
  }
}
