/** Where captured lines go, each with the stream it was written to. */
export type LineSink = (stream: 'stdout' | 'stderr', text: string) => void;

type Write = (chunk: unknown, encoding?: unknown, callback?: unknown) => boolean;

/**
 * Takes what the program writes to process.stdout and process.stderr (console.log included, which
 * writes there) as lines, in the order written, instead of letting it reach the pipe: the watcher
 * gets each line as an event, between the state changes it came among. A write without a newline
 * waits for the rest of its line; `flush()` hands out what is left (at exit). The program sees
 * its writes succeed, callbacks called, as on a real stream.
 */
export function captureOutput(sink: LineSink): { flush(): void } {
  const partial = { stdout: '', stderr: '' };
  const hook = (name: 'stdout' | 'stderr') => {
    const stream = process[name];
    const write: Write = (chunk, encoding, callback) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString(typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      const lines = (partial[name] + text).split('\n');
      partial[name] = lines.pop()!;
      for (const line of lines) sink(name, line);
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') process.nextTick(done as () => void);
      return true;
    };
    stream.write = write as typeof stream.write;
  };
  hook('stdout');
  hook('stderr');
  return {
    flush() {
      for (const name of ['stdout', 'stderr'] as const) {
        if (partial[name] !== '') sink(name, partial[name]);
        partial[name] = '';
      }
    },
  };
}
