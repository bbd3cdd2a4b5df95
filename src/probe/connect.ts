import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';

/** The probe's end of the channel to the watcher: a descriptor to write frames to, while it is open. */
export interface Channel {
  readonly fd: number;
  /** False once the socket was closed: its descriptor number may then be another file's. */
  open(): boolean;
  close(): void;
}

/** Size of a tick: the wall-clock time it was sent, a double. */
const TICK_BYTES = 8;

/** What the channel tells its owner, who fills these in once it is ready to hear them. */
export interface ChannelListeners {
  /** A batch of the watcher's ticks, with when the first was sent (performance.now() on this process's clock). */
  tick(sentAt: number): void;
  /** The watcher is gone. */
  close(): void;
}

/**
 * Connects to the watcher's Unix socket. A local socket connects at once (the connect call is
 * made before this returns), so frames can be written with writeSync from the start, in order
 * with the program's own doings; the socket keeps nothing alive. What comes back are the
 * watcher's ticks, told to `on` (read when they come, so it may be filled in later).
 */
export function openChannel(path: string, on: ChannelListeners): Channel | undefined {
  const socket = connect(path);
  socket.on('error', () => socket.destroy());
  socket.once('close', () => on.close());
  socket.unref();
  const fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd;
  if (fd === undefined || fd < 0) {
    socket.destroy();
    return undefined;
  }
  let rest: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    const bytes = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    const whole = bytes.length - (bytes.length % TICK_BYTES);
    rest = bytes.subarray(whole);
    if (whole > 0) on.tick(bytes.readDoubleLE(0) - performance.timeOrigin);
  });
  return { fd, open: () => !socket.destroyed, close: () => socket.destroy() };
}
