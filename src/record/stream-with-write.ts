/** A stream's `write`, with its optional encoding and callback. */
export type Write = (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;

/**
 * `stream` with another `write`: everything else (size, TTY state, events, `on`/`off`) is the
 * stream's own, so code given it (Ink, its hooks) sees the real terminal.
 */
export function withWrite(stream: NodeJS.WriteStream, write: Write): NodeJS.WriteStream {
  return new Proxy(stream, {
    get(target, key) {
      if (key === 'write') return write;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Calls the stream's own `write`. */
export function writeTo(stream: NodeJS.WriteStream, chunk: string | Uint8Array, rest: unknown[]): boolean {
  return (stream.write as Write)(chunk, ...rest);
}
