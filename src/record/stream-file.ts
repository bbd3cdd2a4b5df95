import type { ObservedEvent } from '../observer/run-client.js';
import { version } from '../paths.js';
import { headerLine, JsonLineWriter, type RunRecord } from '../stream/json-lines.js';
import { OutputFile, type OpenOptions, type OutputKind } from './output-file.js';

const STREAM: OutputKind = { flag: '--save', verb: 'save', doing: 'saving', example: 'run.jsonl' };

/** How long lines wait in memory before they go to the file, at most. */
const FLUSH_MS = 50;
/** Lines waiting past this size go at once. */
const FLUSH_BYTES = 64 * 1024;

/** One run's lines: a run that starts while the one before still ends waits its turn. */
interface Section {
  readonly lines: string[];
  closed: boolean;
}

/**
 * `--save`: the event stream of every run of a session, as JSON lines (json-lines.ts), in one
 * file: a header, then each run's section from its start to its end, in the order the runs
 * started. Lines are written as they come (batched every FLUSH_MS), and whatever is left is
 * written when the file is closed or the process exits, however it exits.
 */
/** A run whose events can be saved: what its start line records, its events, and when the last was told. */
export interface SavedRunSource extends RunRecord {
  onEvent(listener: (observed: ObservedEvent) => void): () => void;
  /** Resolves once every event of the run was told, its end included. */
  told(): Promise<unknown>;
}

export class StreamFile {
  readonly #file: OutputFile;
  /** Sections not yet closed, oldest first: the first one's lines go to the file as they come. */
  readonly #sections: Section[] = [];
  #pending = '';
  #timer: NodeJS.Timeout | undefined;
  readonly #onExit = () => this.#drain(true);

  private constructor(file: OutputFile) {
    this.#file = file;
  }

  /** Opens the file now, so a path that cannot be written fails before anything starts (RecordError). */
  static open(path: string, options: OpenOptions = {}): StreamFile {
    return new StreamFile(OutputFile.open(path, STREAM, options));
  }

  get path(): string {
    return this.#file.path;
  }

  /** Why writing stopped before the end, if it did (a full disk). */
  get failure(): string | undefined {
    return this.#file.failure;
  }

  /** Empties the file and writes the header: from now on runs may be followed. */
  start(): void {
    if (this.#timer) return;
    this.#file.begin();
    this.#file.write(`${JSON.stringify(headerLine(version()))}\n`);
    this.#timer = setInterval(() => this.flush(), FLUSH_MS).unref();
    process.on('exit', this.#onExit);
  }

  /** Saves `client`'s events from now until the last is told, as the next section. */
  follow(client: SavedRunSource): void {
    this.start();
    const section: Section = { lines: [], closed: false };
    this.#sections.push(section);
    const writer = new JsonLineWriter(client);
    const unfollow = client.onEvent(({ event, entity, pid }) => {
      const line = writer.toJson(event, entity, pid);
      if (line) this.#add(section, JSON.stringify(line));
    });
    void client.told().then(() => {
      unfollow();
      section.closed = true;
      this.#drain(false);
    });
  }

  /** Writes the lines waiting in memory. */
  flush(): void {
    if (this.#pending === '') return;
    this.#file.write(this.#pending);
    this.#pending = '';
  }

  /**
   * Writes every line still held, the sections of runs not yet over included, and closes the
   * file (one no run was saved to is left as it was, or removed if it was made for this).
   */
  close(): void {
    if (!this.#timer) return this.#file.discard();
    this.#drain(true);
    if (this.#timer) clearInterval(this.#timer);
    process.off('exit', this.#onExit);
    this.#file.close();
  }

  /** Closes a file no run was saved to (nothing started), removing it if it was made for this. */
  discard(): void {
    this.#file.discard();
  }

  #add(section: Section, line: string): void {
    if (section !== this.#sections[0]) {
      section.lines.push(line);
      return;
    }
    this.#pending += `${line}\n`;
    if (this.#pending.length >= FLUSH_BYTES) this.flush();
  }

  /** Moves on past closed sections (at the end, past all): the next one's held lines go to the file. */
  #drain(all: boolean): void {
    while (this.#sections[0]?.closed || (all && this.#sections.length > 0)) {
      this.#sections.shift();
      const next = this.#sections[0];
      if (next) for (const line of next.lines.splice(0)) this.#pending += `${line}\n`;
    }
    this.flush();
  }
}
