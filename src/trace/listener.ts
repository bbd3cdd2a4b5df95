import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TRACE_TICK_MS } from '../stream/events.js';

/**
 * Where a traced command's processes report: a Unix socket in a folder of its own (mode 0700,
 * made by mkdtemp, so only this user reaches it), named to each process by an environment
 * variable. One connection per Node process; the folder is removed when the trace ends.
 */
export class Listener {
  readonly path: string;
  readonly #dir: string;
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  readonly #ticker: NodeJS.Timeout;
  #paused = false;

  constructor(onConnection: (socket: Socket) => void) {
    this.#dir = mkdtempSync(join(tmpdir(), 'loopscope-'));
    this.path = join(this.#dir, 'trace.sock');
    this.#server = createServer((socket) => {
      this.#sockets.add(socket);
      socket.on('error', () => undefined);
      socket.once('close', () => this.#sockets.delete(socket));
      onConnection(socket);
      if (this.#paused) socket.pause();
    });
    this.#ticker = setInterval(() => this.#tick(), TRACE_TICK_MS).unref();
  }

  /**
   * Ticks every process (see TRACE_TICK_MS): it reports on each, and the tick's delay is its loop's.
   * The ticks are written after this turn's reads (an immediate comes after the poll phase), and
   * not to a process whose stream has ended: a write to one that just exited fails, and the
   * failure would close the socket with its last frames (its exit among them) still unread.
   */
  #tick(): void {
    setImmediate(() => {
      const tick = Buffer.allocUnsafe(8);
      tick.writeDoubleLE(performance.timeOrigin + performance.now());
      for (const socket of this.#sockets) if (!socket.readableEnded) socket.write(tick);
    });
  }

  /** Resolves once processes can connect. */
  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.path, () => resolve());
    });
  }

  /** How many processes are still connected. */
  get connected(): number {
    return this.#sockets.size;
  }

  /** Stops reading (a slow `--json` reader): the processes' writes wait, and nothing is lost. */
  pause(): void {
    this.#paused = true;
    for (const socket of this.#sockets) socket.pause();
  }

  resume(): void {
    this.#paused = false;
    for (const socket of this.#sockets) socket.resume();
  }

  /** Stops listening, drops what is still connected, and removes the folder. */
  close(): void {
    clearInterval(this.#ticker);
    this.#server.close();
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
    rmSync(this.#dir, { recursive: true, force: true });
  }
}
