import { existsSync, readFileSync } from 'node:fs';

/**
 * The package's root folder as a URL: the nearest folder up from this module that holds
 * package.json. The sources sit at different depths (src/cli/, src/agent/...) and the bundle one
 * level down (dist/), so a fixed `../` would find it from some of them only.
 */
export function packageRoot(from: string | URL = import.meta.url): URL {
  for (let dir = new URL('./', from); ; dir = new URL('../', dir)) {
    if (existsSync(new URL('package.json', dir))) return dir;
    if (dir.pathname === '/') throw new Error(`no package.json above ${String(from)}`);
  }
}

/** A file of the package, by its path from the root (`workers/primes-worker.mjs`). */
export function packageFile(path: string): URL {
  return new URL(path, packageRoot());
}

/** The package version, read from its package.json. */
export function version(): string {
  const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
