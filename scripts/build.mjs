// Bundles the CLI into dist/cli.js (production React), and says whether the bundle is stale.
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const bundle = new URL('dist/cli.js', root);
const SOURCES = ['src', 'components', 'scenarios'];

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** True when a source file is newer than the bundle (or there is no bundle). */
export function isStale() {
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  return SOURCES.some((dir) => {
    const url = new URL(dir + '/', root);
    return existsSync(url) && newest(url) > built;
  });
}

// Ink imports react-devtools-core only when DEV=true; it is not installed, so the bundle gets a stub.
const noDevtools = {
  name: 'no-devtools',
  setup(build) {
    build.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'stub' }));
    build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: 'export default { initialize() {}, connectToDevTools() {} };',
    }));
  },
};

export async function build() {
  const temp = new URL(`dist/cli.${process.pid}.tmp.js`, root);
  const { build: esbuild } = await import('esbuild');
  await esbuild({
    entryPoints: [fileURLToPath(new URL('src/cli.tsx', root))],
    // Written aside and renamed into place, so a start racing a build never imports half a file.
    outfile: fileURLToPath(temp),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    // tsx loads a user's --file at run time.
    external: ['tsx', 'tsx/*'],
    plugins: [noDevtools],
    banner: { js: "import { createRequire as __loopscopeRequire } from 'node:module'; const require = __loopscopeRequire(import.meta.url);" },
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  renameSync(temp, bundle);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--force') || isStale()) await build();
}
