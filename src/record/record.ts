import { performance } from 'node:perf_hooks';
import { OutputFile, type OpenOptions, type OutputKind } from './output-file.js';
import { withWrite, writeTo } from './stream-with-write.js';

const CAST: OutputKind = { flag: '--record', verb: 'record', doing: 'recording', example: 'demo.cast' };

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
  readonly #file: OutputFile;
  #t0 = 0;
  #started = false;
  #last = 0;
  readonly #decoder = new TextDecoder('utf-8');

  private constructor(file: OutputFile) {
    this.#file = file;
  }

  /**
   * Opens the file for writing, so a path that cannot be written fails now, before the dashboard
   * starts; throws RecordError naming the problem and the fix (see OutputFile).
   */
  static open(path: string, options: OpenOptions = {}): Recording {
    return new Recording(OutputFile.open(path, CAST, options));
  }

  get path(): string {
    return this.#file.path;
  }

  /** Why writing stopped before the end, if it did (a full disk, a removed folder). */
  get failure(): string | undefined {
    return this.#file.failure;
  }

  /** Writes the header: the terminal's size now, and the start of the clock of every event. */
  start(width: number, height: number, env: NodeJS.ProcessEnv, timestamp = Date.now()): void {
    if (this.#started) return;
    this.#started = true;
    this.#t0 = performance.now();
    this.#file.begin();
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
    this.#file.close();
  }

  /** Closes a recording that never started, removing the file if open() made it. */
  discard(): void {
    this.#file.discard();
  }

  #event(code: 'o' | 'r', data: string): void {
    if (!this.#started) return;
    // Times never go back, even across rounding: players expect them in order.
    const t = Math.max(this.#last, Math.round(performance.now() - this.#t0) / 1000);
    this.#last = t;
    this.#write(JSON.stringify([t, code, data]));
  }

  #write(line: string): void {
    this.#file.write(`${line}\n`);
  }
}
