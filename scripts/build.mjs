// Bundles loopscope into dist/ (production React), and says whether the bundle is stale.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const bundleFile = new URL('dist/cli.js', root);
// scripts/ holds this build and the modules it patches into Ink: a change there changes the bundle too.
const SOURCES = ['src', 'components', 'scenarios', 'scripts'];

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
  if (!existsSync(bundleFile)) return true;
  const built = statSync(bundleFile).mtimeMs;
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

/**
 * Ink draws no live frames when it sees CI=true (or CONTINUOUS_INTEGRATION) in the environment,
 * only the last one at exit: a CI log has no screen to redraw. loopscope chooses for itself (a
 * terminal gets the dashboard, anything else the headless lines: screenProblem in
 * src/cli/main.tsx), so a terminal whose shell sets CI, as some containers and cloud shells do,
 * would show nothing until q. The bundle's Ink is told it is never in CI; the observed program
 * still sees the environment as it was.
 */
const notInCi = {
  name: 'not-in-ci',
  setup(build) {
    build.onResolve({ filter: /^is-in-ci$/ }, () => ({ path: 'is-in-ci', namespace: 'not-in-ci' }));
    build.onLoad({ filter: /.*/, namespace: 'not-in-ci' }, () => ({ contents: 'export default false;' }));
  },
};

/**
 * Pure functions Ink calls afresh for every text and line of every frame, given bounded memos.
 * Most of a frame is the same as the one before, yet Ink measures every text (string-width splits
 * any text that is not plain ASCII, such as borders, bars and spinners, into graphemes and tests
 * each one against an emoji pattern) and tokenizes every line's colour codes again: on a large
 * terminal that was half of a frame. The answers depend only on the text, and Ink only reads what
 * they return, so the bundle gets each module behind a memo of its own (by the real module's path).
 * A width not in the memo is found the short way when the text allows it (string-width-fast.mjs),
 * and a row of styled characters skips the style diff between neighbours that match (styled-chars-fast.mjs).
 */
const fastWidth = JSON.stringify(fileURLToPath(new URL('string-width-fast.mjs', import.meta.url)));
const fastStyles = JSON.stringify(fileURLToPath(new URL('styled-chars-fast.mjs', import.meta.url)));
const MEMOS = {
  'string-width': (real) => `import stringWidth from ${JSON.stringify(real)};
import { fastStringWidth } from ${fastWidth};
const fast = fastStringWidth(stringWidth);
const widths = new Map();
export default function memoStringWidth(text, options) {
  if (options !== undefined || typeof text !== 'string') return stringWidth(text, options);
  let width = widths.get(text);
  if (width === undefined) {
    if (widths.size >= 8192) widths.clear();
    width = fast(text);
    widths.set(text, width);
  }
  return width;
}`,
  '@alcalzone/ansi-tokenize': (real) => `import * as ansi from ${JSON.stringify(real)};
import { fastStyledCharsToString } from ${fastStyles};
export * from ${JSON.stringify(real)};
export const styledCharsToString = fastStyledCharsToString(ansi);
const tokens = new Map();
const chars = new WeakMap();
export function tokenize(text, endChar) {
  if (endChar !== undefined) return ansi.tokenize(text, endChar);
  let found = tokens.get(text);
  if (found === undefined) {
    if (tokens.size >= 512) tokens.clear(); // a tokenized line keeps an object per character: few of them
    found = ansi.tokenize(text);
    tokens.set(text, found);
  }
  return found;
}
export function styledCharsFromTokens(list) {
  let found = chars.get(list);
  if (found === undefined) {
    found = ansi.styledCharsFromTokens(list);
    chars.set(list, found);
  }
  return found;
}`,
};

const memoized = {
  name: 'memoized',
  setup(build) {
    build.onResolve({ filter: /^(string-width|@alcalzone\/ansi-tokenize)$/ }, async (args) => {
      // The real module, found as it would be without this plugin (which then steps aside).
      if (args.pluginData === 'real') return undefined;
      const real = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'real' });
      return real.errors.length > 0 ? real : { path: real.path, namespace: 'memoized', pluginData: args.path };
    });
    build.onLoad({ filter: /.*/, namespace: 'memoized' }, (args) => ({
      contents: MEMOS[args.pluginData](args.path),
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

const outputRows = JSON.stringify(fileURLToPath(new URL('ink-output-rows.mjs', import.meta.url)));

/**
 * Edits to Ink's own modules in the bundle, each exact, and each Ink module's edits all or none:
 * they depend on each other. A changed Ink (a patch release) bundles a module whose edits no
 * longer apply as Ink wrote it, which works, only without what the edits add; the build says so
 * in one line, and a test (bundle.test.ts) fails so that the edits get redone.
 *
 * - Ink 6 keeps every text it ever measured or wrapped in two caches that never forget (ink#986,
 *   bounded only in later Ink, which needs Node 22): a dashboard whose clocks and figures change
 *   adds to them for as long as it runs, a few MB a minute. The bundle bounds both, cleared when
 *   full like the memos above.
 * - Output#get() builds a grid of cell objects for the whole screen every frame and turns each row
 *   back into a string, though most rows are as they were: ink-output-rows.mjs does the same work
 *   for the rows that changed only (Ink's own stays as inkGet).
 */
export const INK_PATCHES = {
  'measure-text.js': {
    without: 'the bound on its cache of measured texts (memory grows while texts change, same output)',
    edits: [['cache.set(text, dimensions);', 'if (cache.size >= 4096) cache.clear();\n    cache.set(text, dimensions);']],
  },
  'wrap-text.js': {
    without: 'the bound on its cache of wrapped texts (memory grows while texts change, same output)',
    edits: [
      ['const cache = {};', 'const cache = new Map();'],
      ['const cachedText = cache[cacheKey];', 'const cachedText = cache.get(cacheKey);'],
      ['cache[cacheKey] = wrappedText;', 'if (cache.size >= 4096) cache.clear();\n    cache.set(cacheKey, wrappedText);'],
    ],
  },
  'output.js': {
    without: 'the row-cache patch (slower frames, same output)',
    edits: [
      ['export default class Output {', `import { outputRows } from ${outputRows};\nexport default class Output {`],
      [
        '    get() {\n        // Initialize output array',
        '    get() {\n        return outputRows(this, { sliceAnsi, styledCharsToString });\n    }\n    /** Ink\'s own, kept to compare with. */\n    inkGet() {\n        // Initialize output array',
      ],
    ],
  },
};

/**
 * Ink's module `file` (a name in `patches`) with all its edits made; or, when one of them does not
 * find its text exactly once (a changed Ink), the source as it was and the line that says so.
 */
export function patchInk(file, source, patches = INK_PATCHES) {
  const { without, edits } = patches[file];
  let contents = source;
  for (const [from, to] of edits) {
    if (contents.split(from).length !== 2) return { contents: source, warning: `Ink's ${file} has changed; bundling it without ${without}` };
    // A function, so that a `$` in the new text is not read as a replacement pattern.
    contents = contents.replace(from, () => to);
  }
  return { contents, warning: undefined };
}

/** For each Ink module the bundle edits, as installed: the line the build would print, undefined when every edit applies. */
export function inkPatchReport(patches = INK_PATCHES) {
  const inkBuild = dirname(createRequire(import.meta.url).resolve('ink'));
  return Object.keys(patches).map((file) => ({ file, warning: patchInk(file, readFileSync(join(inkBuild, file), 'utf8'), patches).warning }));
}

/** The plugin that makes `patches` in the bundle, each skipped module reported as an esbuild warning. */
function inkPatches(patches) {
  return {
    name: 'ink-patches',
    setup(build) {
      build.onLoad({ filter: /[\\/]ink[\\/]build[\\/](measure-text|wrap-text|output)\.js$/ }, async (args) => {
        const { contents, warning } = patchInk(basename(args.path), await readFile(args.path, 'utf8'), patches);
        return { contents, loader: 'js', warnings: warning === undefined ? [] : [{ text: warning }] };
      });
    },
  };
}

/**
 * What every bundle shares: ESM for plain node, production React, no devtools, Ink's patches.
 * `patches` are the edits to Ink (a test hands in some that no longer apply, as a changed Ink would).
 */
function sharedOptions(patches) {
  return {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    // tsx loads a user's --file at run time.
    external: ['tsx', 'tsx/*'],
    plugins: [noDevtools, notInCi, memoized, inkPatches(patches)],
    banner: { js: "import { createRequire as __loopscopeRequire } from 'node:module'; const require = __loopscopeRequire(import.meta.url);" },
    keepNames: true,
    // Maps beside the bundle, never loaded by Node: the dashboard reads one when it shows where a
    // built-in scenario made an entity (observer/sites.ts).
    sourcemap: 'external',
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
  };
}

/**
 * How a single-file bundle is made: the bench's own entries are built so, to measure what a
 * user runs, and the tests build probes so.
 */
export function bundleOptions(entry, outfile, { patches = INK_PATCHES } = {}) {
  return { ...sharedOptions(patches), entryPoints: [entry], outfile };
}

/**
 * The product's entries, bundled together with shared chunks: the CLI (dist/cli.js), the agent
 * each run's own process starts from (dist/agent.js), the probe preloaded into every process of a
 * traced command (dist/trace.js), and the public module: a --file module that imports 'loopscope'
 * gets dist/index.js, and with it the very classes the agent runs it with (one CancelledError,
 * one Future), not a copy.
 */
const ENTRIES = { cli: 'src/cli/main.tsx', index: 'src/index.ts', agent: 'src/agent/main.ts', trace: 'src/probe/preload.ts' };

/** A message of esbuild's in one line: where, when it knows, and what. */
function oneLine({ text, location }) {
  return location ? `${location.file}:${location.line}:${location.column}: ${text}` : text;
}

/** Writes esbuild's warnings (an Ink module left as Ink wrote it), one line each, on stderr. */
function reportWarnings(result) {
  // A plugin's warning names its module; the place esbuild adds is only where that was imported.
  for (const warning of result.warnings) process.stderr.write(`loopscope: build: ${warning.pluginName ? warning.text : oneLine(warning)}\n`);
}

/**
 * Bundles `entry` into `outfile` as bundleOptions says, each warning one line on stderr; rejects
 * as esbuild does when it cannot.
 */
export async function bundle(entry, outfile, options) {
  const temp = `${outfile}.${process.pid}.tmp.js`;
  const { build: esbuild } = await import('esbuild');
  // esbuild's own report of a message spans lines: a start or an install says it in one.
  reportWarnings(await esbuild({ ...bundleOptions(entry, temp, options), logLevel: 'silent' }));
  // Written aside and renamed into place, so a start racing a build never imports half a file.
  renameSync(temp, outfile);
}

/**
 * Bundles the product into `outdir` (dist/ unless given): every entry of ENTRIES, with the code
 * they share in chunks. Built aside and swapped into place, so a start racing a build never
 * imports half of it.
 */
export async function build({ outdir = fileURLToPath(new URL('dist', root)), patches } = {}) {
  const temp = `${outdir}.${process.pid}.tmp`;
  const old = `${outdir}.${process.pid}.old`;
  const { build: esbuild } = await import('esbuild');
  const entryPoints = Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, fileURLToPath(new URL(path, root))]));
  try {
    const { outfile: _, ...shared } = { ...sharedOptions(patches ?? INK_PATCHES), outfile: undefined };
    reportWarnings(await esbuild({ ...shared, entryPoints, outdir: temp, splitting: true, chunkNames: 'chunks/[name]-[hash]', logLevel: 'silent' }));
    if (existsSync(outdir)) renameSync(outdir, old);
    renameSync(temp, outdir);
  } finally {
    rmSync(temp, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
}

/** Why a build failed, in one line: esbuild's first error (and how many more), or the error's first line. */
export function failureLine(error) {
  const errors = error?.errors ?? [];
  if (errors.length > 0) return oneLine(errors[0]) + (errors.length > 1 ? ` (and ${errors.length - 1} more)` : '');
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}

/**
 * Builds the CLI when the bundle is stale, or with `force` in any case. Resolves false when the
 * build failed, once it said why in one line on stderr (not a stack trace, at a start or an install).
 */
export async function buildIfStale({ force = false } = {}) {
  if (!force && !isStale()) return true;
  try {
    await build();
    return true;
  } catch (error) {
    process.stderr.write(`loopscope: build failed: ${failureLine(error)}\n`);
    return false;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!(await buildIfStale({ force: process.argv.includes('--force') }))) process.exitCode = 1;
}
