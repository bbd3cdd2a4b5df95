import { resolve } from 'node:path';
import { Recording } from '../record/record.js';
import { StreamFile } from '../record/stream-file.js';
import { quote } from '../text/quote.js';
import type { Options } from './args.js';

/**
 * The files a session writes as it goes (`--record`, `--save`), opened before anything starts:
 * a path that cannot be written fails then, before the dashboard takes the screen (and before a
 * --file module is loaded, which runs its top-level code), and the --file module itself is never
 * one of them.
 */
export class SessionFiles {
  readonly recording: Recording | undefined;
  readonly save: StreamFile | undefined;

  private constructor(recording: Recording | undefined, save: StreamFile | undefined) {
    this.recording = recording;
    this.save = save;
  }

  /** Opens the files the options name; throws RecordError (a usage error) for a path that cannot be written. */
  static open(options: Options): SessionFiles {
    const protect = options.file ? resolve(options.file) : undefined;
    const recording = options.record ? Recording.open(options.record, { overwrite: options.overwrite, protect }) : undefined;
    try {
      const save = options.save ? StreamFile.open(options.save, { overwrite: options.overwrite, protect }) : undefined;
      return new SessionFiles(recording, save);
    } catch (error) {
      recording?.discard();
      throw error;
    }
  }

  /** Nothing started: files made for this are removed, files that were there are left as they were. */
  discard(): void {
    this.recording?.discard();
    this.save?.discard();
  }

  /** Writes what is left and closes; a file whose writing stopped (a full disk) is said on stderr. */
  close(): void {
    this.recording?.close();
    this.save?.close();
    for (const [flag, file] of [['--record', this.recording], ['--save', this.save]] as const) {
      if (file?.failure) process.stderr.write(`loopscope: ${flag}: writing ${quote(file.path)} stopped (${file.failure}); the file holds what came before\n`);
    }
  }
}
