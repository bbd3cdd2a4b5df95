import { readFileSync, statSync, type Stats } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../usage-error.js';
import { registerPublicModule } from './public-module.js';
import { printable, quote } from '../text/quote.js';
import { systemReason } from '../text/system-error.js';
import type { LoadedScenario, Scenario } from '../scenario.js';

const TS = new Set(['.ts', '.mts', '.cts', '.tsx']);
const JS = new Set(['.js', '.mjs', '.cjs']);

/** The largest --file read: a scenario module is source code, and ten megabytes of it is plenty. */
export const MAX_FILE_MB = 10;

/**
 * Loads a user's scenario module: a default export of a scenario object or a bare
 * `async (ctx) => {}`. Every way it can be wrong becomes a one-line UsageError.
 */
export async function loadScenarioFile(path: string, cwd = process.cwd()): Promise<LoadedScenario> {
  const full = resolve(cwd, path);
  const source = readSource(full, path);
  const ext = extname(full);
  let module: { default?: unknown };
  registerPublicModule();
  try {
    module = TS.has(ext)
      ? ((await (await import('tsx/esm/api')).tsImport(pathToFileURL(full).href, import.meta.url)) as { default?: unknown })
      : ((await import(pathToFileURL(full).href)) as { default?: unknown });
  } catch (error) {
    throw new UsageError(`--file: ${quote(path)} does not load: ${firstLine(error)}`);
  }
  return { ...toScenario(module.default, path), source, file: full };
}

/**
 * The module's text. Only a regular file of a sane size, with a module's extension, is read: a
 * FIFO would block the open for ever, and /dev/zero or a huge file would fill the memory. The
 * command line checks a --file so, before anything starts; the run's process loads it.
 */
export function readSource(full: string, path: string): string {
  let stats: Stats;
  try {
    stats = statSync(full);
  } catch (error) {
    throw unreadable(error, path);
  }
  if (stats.isDirectory()) throw new UsageError(`--file: ${quote(path)} is a directory; give a .ts or .js file`);
  if (!stats.isFile()) throw new UsageError(`--file: ${quote(path)} is ${special(stats)}, not a regular file; give a .ts or .js file`);
  if (stats.size > MAX_FILE_MB * 2 ** 20) {
    const mb = Math.ceil((stats.size / 2 ** 20) * 10) / 10;
    throw new UsageError(`--file: ${quote(path)} is ${mb} MB; a scenario module can be at most ${MAX_FILE_MB} MB`);
  }
  const ext = extname(full);
  if (!TS.has(ext) && !JS.has(ext)) throw new UsageError(`--file: ${quote(path)} is not a .ts, .js or .mjs module`);
  try {
    return readFileSync(full, 'utf8');
  } catch (error) {
    throw unreadable(error, path);
  }
}

function unreadable(error: unknown, path: string): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UsageError(`--file: no such file ${quote(path)}; check the path`);
  if (code === 'EACCES' || code === 'EPERM') return new UsageError(`--file: cannot read ${quote(path)} (permission denied); make it readable (chmod +r)`);
  return new UsageError(`--file: cannot read ${quote(path)}: ${systemReason(error)}`);
}

/** What a path that is neither a file nor a folder is. */
function special(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (a named pipe)';
  if (stats.isSocket()) return 'a socket';
  return 'a device';
}

function toScenario(value: unknown, path: string): Scenario {
  // tsx may wrap a CommonJS-style module's default export one level deeper.
  if (value && typeof value === 'object' && 'default' in value && !('run' in value)) value = (value as { default: unknown }).default;
  const name = basename(path).replace(/\.[^.]+$/, '');
  const fallback = { en: `Your file ${basename(path)}`, es: `Tu archivo ${basename(path)}` };
  if (typeof value === 'function') {
    return { id: name, title: name, summary: fallback, explain: { en: [], es: [] }, run: value as Scenario['run'] };
  }
  if (value && typeof value === 'object' && typeof (value as Scenario).run === 'function') {
    const s = value as Partial<Scenario> & Pick<Scenario, 'run'>;
    return {
      id: typeof s.id === 'string' ? s.id : name,
      title: s.title ?? name,
      summary: s.summary ?? fallback,
      explain: s.explain ?? { en: [], es: [] },
      python: s.python,
      run: s.run.bind(s),
    };
  }
  if (value === undefined) {
    throw new UsageError(`--file: ${quote(path)} has no default export; add 'export default async (ctx) => { ... }'`);
  }
  throw new UsageError(
    `--file: the default export of ${quote(path)} is not a scenario; export an async (ctx) => {} or an object with run(ctx)`,
  );
}

/** The line of an import error that says what is wrong (esbuild's "ERROR:" line when there is one). */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const esbuild = lines.find((l) => l.includes('ERROR:'));
  const line = esbuild ? esbuild.replace(/^.*?(\d+:\d+): ERROR: /, 'line $1: ') : lines[0] ?? 'unknown error';
  return printable(line, 160);
}
