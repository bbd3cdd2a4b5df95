import { readSync } from 'node:fs';
import { Socket } from 'node:net';
import type { Command } from '../stream/events.js';

const pause = new Int32Array(new SharedArrayBuffer(4));
/** How often a frozen program looks for the watcher's next command. */
const FROZEN_POLL_MS = 5;

/**
 * The watcher's commands, one JSON line each, on their own pipe. They are read on the loop like
 * any socket; while the program is frozen at a step (its thread held, so no loop turns), they are
 * read from the pipe directly until one lets it go on. The pipe closing means the watcher is gone.
 */
export class Commands {
  readonly #fd: number;
  readonly #socket: Socket;
  #text = '';
  #handler: (command: Command) => void = () => undefined;

  constructor(fd: number, onGone: () => void) {
    this.#fd = fd;
    this.#socket = new Socket({ fd, readable: true, writable: false });
    this.#socket.setEncoding('utf8');
    this.#socket.on('data', (chunk: string) => {
      for (const command of this.#parse(chunk)) this.#handler(command);
    });
    this.#socket.on('end', onGone);
    this.#socket.on('error', onGone);
  }

  /**
   * From now on listening does not keep the process alive: a program ends as it would in plain
   * node. (Before a run, a process waiting for its run listens, and lives.)
   */
  unref(): void {
    this.#socket.unref();
  }

  /** Who handles each command read on the loop. */
  onCommand(handler: (command: Command) => void): void {
    this.#handler = handler;
  }

  /**
   * Holds the thread, reading commands straight from the pipe, until `release` says one lets the
   * program go on; the commands it does not take are handled as usual once the loop turns again.
   */
  holdUntil(release: (command: Command) => boolean): void {
    this.#socket.pause();
    const later: Command[] = [];
    let buffered = this.#socket.read() as string | null;
    const buf = Buffer.alloc(4096);
    for (;;) {
      const chunk = buffered ?? this.#readNow(buf);
      buffered = null;
      if (chunk === undefined) {
        Atomics.wait(pause, 0, 0, FROZEN_POLL_MS);
        continue;
      }
      if (chunk === null) return; // the watcher is gone: let the program go, the exit follows
      for (const command of this.#parse(chunk)) {
        if (release(command)) {
          this.#socket.resume();
          if (later.length > 0) setImmediate(() => later.forEach((c) => this.#handler(c)));
          return;
        }
        later.push(command);
      }
    }
  }

  /** What the pipe holds now: text, undefined for nothing yet, null once it is closed. */
  #readNow(buf: Buffer): string | undefined | null {
    try {
      const bytes = readSync(this.#fd, buf);
      return bytes === 0 ? null : buf.toString('utf8', 0, bytes);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return undefined;
      return null;
    }
  }

  #parse(chunk: string): Command[] {
    const lines = (this.#text + chunk).split('\n');
    this.#text = lines.pop()!;
    return lines.filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Command);
  }
}
