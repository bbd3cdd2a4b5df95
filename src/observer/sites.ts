import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../paths.js';

/** Source maps of the bundle's files, read once each when a site in them is first shown. */
const maps = new Map<string, SourceMap | null>();

function mapOf(file: string): SourceMap | null {
  let map = maps.get(file);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMapPayload);
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  return map;
}

/** A path as a person reads it: from the current folder when it is under it. */
function shortPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel : path;
}

/**
 * A creation site as the run's process told it (`file:line:col`, the file a path or a URL) in
 * words: `scenarios/futures.ts:23` for a built-in scenario (the bundle's line mapped back to its
 * source through the map beside it), `my-file.ts:12` for a --file, from the current folder. A
 * TypeScript file that Node ran from memory (tsx's CommonJS path) is named without a line: its
 * lines there are not the file's.
 */
export function readableSite(site: string, cwd = process.cwd()): string {
  if (site.startsWith('data:')) {
    const file = /[?&]filePath=([^&:]+)/.exec(site)?.[1];
    return file ? shortPath(decodeURIComponent(file).replace(/\?.*$/, ''), cwd) : 'a module made in memory';
  }
  const match = /^(.*):(\d+):(\d+)$/.exec(site);
  if (!match) return site;
  const [, where, lineText, columnText] = match as unknown as [string, string, string, string];
  const file = where.startsWith('file:') ? fileURLToPath(where) : where;
  const line = Number(lineText);
  const root = fileURLToPath(packageRoot());
  if (file.startsWith(`${root}dist${sep}`)) {
    const entry = mapOf(file)?.findEntry(line - 1, Number(columnText) - 1);
    if (entry && 'originalSource' in entry) {
      const source = resolve(dirname(file), entry.originalSource.replace(/^file:\/\//, ''));
      return `${shortPath(source, root)}:${entry.originalLine + 1}`;
    }
  }
  return `${shortPath(file, cwd)}:${line}`;
}
