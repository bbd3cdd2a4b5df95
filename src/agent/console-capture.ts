import { format } from 'node:util';

/** Where captured console lines go. */
export type ConsoleSink = (stream: 'stdout' | 'stderr', text: string) => void;

const METHODS = { log: 'stdout', info: 'stdout', debug: 'stdout', error: 'stderr', warn: 'stderr', trace: 'stderr' } as const;
type Method = keyof typeof METHODS;

const sinks: ConsoleSink[] = [];
let originals: Partial<Record<Method, (...args: unknown[]) => void>> | undefined;

/**
 * Routes console.log/info/debug (stdout) and console.error/warn/trace (stderr) to `sink` until
 * the returned release is called. Nested captures stack; the newest one receives the lines.
 */
export function captureConsole(sink: ConsoleSink): () => void {
  if (sinks.length === 0) {
    originals = {};
    for (const method of Object.keys(METHODS) as Method[]) {
      originals[method] = console[method];
      console[method] = (...args: unknown[]) => {
        const text = format(...args);
        sinks[sinks.length - 1]?.(METHODS[method], method === 'trace' ? `Trace: ${text}` : text);
      };
    }
  }
  sinks.push(sink);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    sinks.splice(sinks.lastIndexOf(sink), 1);
    if (sinks.length === 0 && originals) {
      Object.assign(console, originals);
      originals = undefined;
    }
  };
}
