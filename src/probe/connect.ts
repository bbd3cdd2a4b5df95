import { connect } from 'node:net';

/** The probe's end of the channel to the watcher: a descriptor to write frames to, while it is open. */
export interface Channel {
  readonly fd: number;
  /** False once the socket was closed: its descriptor number may then be another file's. */
  open(): boolean;
  close(): void;
}

/**
 * Connects to the watcher's Unix socket. A local socket connects at once (the connect call is
 * made before this returns), so frames can be written with writeSync from the start, in order
 * with the program's own doings; the socket is never read, and it keeps nothing alive. A watcher
 * that is gone makes the first write fail, and the probe then goes quiet.
 */
export function openChannel(path: string): Channel | undefined {
  const socket = connect(path);
  socket.on('error', () => socket.destroy());
  socket.pause();
  socket.unref();
  const fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd;
  if (fd === undefined || fd < 0) {
    socket.destroy();
    return undefined;
  }
  return { fd, open: () => !socket.destroyed, close: () => socket.destroy() };
}
