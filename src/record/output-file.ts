import { closeSync, fstatSync, ftruncateSync, openSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../usage-error.js';
import { printable, quote, QUOTE_MAX } from '../text/quote.js';
import { systemReason } from '../text/system-error.js';

/** A `--record` or `--save` path that cannot be written: exit 2 with this one line. */
export class RecordError extends UsageError {
  override name = 'RecordError';
}

/** Which flag a file is for, as its messages name it. */
export interface OutputKind {
  readonly flag: '--record' | '--save';
  /** What the flag does, in the fixes: `record to another path`. */
  readonly verb: string;
  /** The same as a noun: `recording would replace it`. */
  readonly doing: string;
  /** A file name to suggest: `demo.cast`. */
  readonly example: string;
}

/** How a path that exists is treated. */
export interface OpenOptions {
  /** `--overwrite`: an existing file may be replaced. */
  readonly overwrite?: boolean;
  /** A file never to write onto, even with `overwrite`: the --file module being run. */
  readonly protect?: string;
}

/** What went wrong with a path, and what to do instead, in one line. */
function problem(kind: OutputKind, path: string, error: unknown): string {
  const { flag, verb } = kind;
  const writable = `${verb} to a folder you can write, such as ./${kind.example}`;
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      // A folder that exists yet makes no file in it (/proc) is no folder for the user to create.
      if (isFolder(dirname(path))) return `${flag}: cannot create ${quote(path)}: ${systemReason(error)}; ${writable}`;
      return `${flag}: the folder ${quote(dirname(path))} does not exist; create it first or ${verb} to another path`;
    case 'EISDIR':
      return aFolder(kind, path);
    case 'ENOTDIR':
      return `${flag}: ${quote(dirname(path))} is not a folder; ${verb} to a path inside a folder`;
    case 'EACCES':
      return `${flag}: no permission to write ${quote(path)}; ${writable}`;
    case 'EROFS':
      return `${flag}: ${quote(path)} is on a read-only file system (EROFS); ${writable}`;
    case 'EPERM':
      return `${flag}: cannot write ${quote(path)}: ${systemReason(error)}; ${writable}`;
    default:
      return `${flag}: cannot write ${quote(path)}: ${systemReason(error)}; ${verb} to another path`;
  }
}

function aFolder(kind: OutputKind, path: string): string {
  return `${kind.flag}: ${quote(path)} is a folder; name a file in it, such as ${printable(join(path, kind.example), QUOTE_MAX)}`;
}

/** The same file, whatever the path that reached it (a symbolic or a hard link). */
function sameFile(a: Stats | undefined, b: Stats | undefined): boolean {
  return a !== undefined && a.dev === b?.dev && a.ino === b.ino;
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/**
 * A file a flag writes as loopscope goes (an asciicast, a saved stream), opened before anything
 * starts so that a path that cannot be written fails at once. A file that exists is refused
 * unless `overwrite`, and is emptied only by `begin()`; a device or a pipe that exists
 * (/dev/stderr) is written as it is, since nothing is replaced. Writes are synchronous: what was
 * written before a crash is in the file. The first write error stops the writing, and is kept.
 */
export class OutputFile {
  readonly path: string;
  #fd: number | undefined;
  /** False when open() made the file: discard() then removes it again. */
  readonly #existed: boolean;
  #begun = false;
  #failure: string | undefined;

  private constructor(path: string, fd: number, existed: boolean) {
    this.path = path;
    this.#fd = fd;
    this.#existed = existed;
  }

  /** Opens `path` for `kind`'s flag; throws RecordError naming the problem and the fix. */
  static open(path: string, kind: OutputKind, options: OpenOptions = {}): OutputFile {
    try {
      const existing = statSync(path, { throwIfNoEntry: false });
      if (existing?.isDirectory()) throw new RecordError(aFolder(kind, path));
      if (existing && options.protect && sameFile(existing, statSync(options.protect, { throwIfNoEntry: false }))) {
        throw new RecordError(`${kind.flag}: ${quote(path)} is the --file module being run, and ${kind.doing} would replace it; ${kind.verb} to another path, such as ./${kind.example}`);
      }
      if (existing?.isFile() && !options.overwrite) throw new RecordError(exists(kind, path));
      // A new file is made exclusively: one that appeared since the check (or a symbolic link
      // to nothing) is not taken over without --overwrite.
      return new OutputFile(path, openSync(path, existing || options.overwrite ? 'a' : 'ax'), existing !== undefined);
    } catch (error) {
      if (error instanceof RecordError) throw error;
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new RecordError(exists(kind, path));
      throw new RecordError(problem(kind, path, error));
    }
  }

  /** Why writing stopped before the end, if it did (a full disk, a removed folder). */
  get failure(): string | undefined {
    return this.#failure;
  }

  /** Empties a file that was there (a pipe or a device is written as it is): the writing begins. */
  begin(): void {
    if (this.#begun) return;
    this.#begun = true;
    try {
      if (this.#fd !== undefined && fstatSync(this.#fd).isFile()) ftruncateSync(this.#fd, 0);
    } catch (error) {
      this.#fail(error);
    }
  }

  write(text: string): void {
    if (this.#fd === undefined || this.#failure) return;
    try {
      writeSync(this.#fd, text);
    } catch (error) {
      this.#fail(error);
    }
  }

  close(): void {
    const fd = this.#fd;
    this.#fd = undefined;
    if (fd !== undefined) closeSync(fd);
  }

  /** Closes a file whose writing never began, removing it if open() made it. */
  discard(): void {
    this.close();
    if (this.#begun || this.#existed) return;
    try {
      unlinkSync(this.path);
    } catch {
      // Someone else removed it already: nothing is left behind either way.
    }
  }

  #fail(error: unknown): void {
    this.#failure ??= (error as NodeJS.ErrnoException).code ?? String(error);
  }
}

function exists(kind: OutputKind, path: string): string {
  return `${kind.flag}: ${quote(path)} already exists; add --overwrite to replace it, or ${kind.verb} to another path`;
}
