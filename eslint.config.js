// The house rules that the compiler cannot see: which layer may import which. Each block names a
// layer and what it must not reach; `npm run lint` runs in CI before the tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Ink, React and their kin: only the screen may use them. */
const SCREEN_PACKAGES = ['ink', 'ink-*', 'react', 'react/*', 'react-*'];

/** An import-boundary rule: these module paths are off limits here (type-only imports too, unless allowed). */
function forbid(patterns, message, allowTypeImports = false) {
  return { group: patterns, message, allowTypeImports };
}

function boundaries(...groups) {
  return { '@typescript-eslint/no-restricted-imports': ['error', { patterns: groups }] };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.ci/', 'coverage/', 'test/fixtures/syntax-error.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', clearImmediate: 'readonly', queueMicrotask: 'readonly', performance: 'readonly', URL: 'readonly', Buffer: 'readonly', structuredClone: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', SharedArrayBuffer: 'readonly', Atomics: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', globalThis: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-duplicate-imports': 'error',
      // Terminal output is escape sequences: patterns that match ESC are the point.
      'no-control-regex': 'off',
    },
  },
  {
    // CommonJS programs (the fixtures of traced programs that must be CommonJS): require is theirs.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', exports: 'writable', __filename: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The runtime is plain TypeScript: asyncio's machinery on Node, testable without a screen.
    files: ['src/runtime/**/*.ts'],
    rules: boundaries(
      forbid(['../*'], 'src/runtime imports nothing outside itself (node: modules aside).'),
      forbid(SCREEN_PACKAGES, 'src/runtime never imports Ink or React.'),
    ),
  },
  {
    // Text and formatting: pure functions anyone may use.
    files: ['src/text/**/*.ts'],
    rules: boundaries(forbid(['../*'], 'src/text imports nothing of loopscope.'), forbid(SCREEN_PACKAGES, 'src/text never imports Ink or React.')),
  },
  {
    // The agent hosts a run: the runtime, the tracker, the capture. It knows nothing of a screen.
    files: ['src/agent/**/*.ts'],
    rules: boundaries(
      forbid(['../dashboard/*', '../view/*', '../cli/*', '../headless/*', '../record/*', '../hooks/*', '**/components/*'], 'src/agent knows nothing of the screen or the command line.'),
      forbid(SCREEN_PACKAGES, 'src/agent never imports Ink or React.'),
    ),
  },
  {
    // View models: what the panels show, as data and text; no Ink, no run, no session.
    files: ['src/view/**/*.ts'],
    rules: boundaries(
      forbid(['../dashboard/*', '../agent/*', '../cli/*', '../headless/*', '../record/*', '../hooks/*', '**/components/*'], 'src/view turns snapshots into rows, lanes and words; it holds no run and no session.'),
      forbid(SCREEN_PACKAGES, 'src/view never imports Ink or React: components draw what it computes.'),
    ),
  },
  {
    files: ['src/headless/**/*.ts', 'src/record/**/*.ts'],
    rules: boundaries(
      forbid(['../dashboard/*', '../cli/*', '../hooks/*', '**/components/*'], 'headless output and recordings do not reach into the dashboard or the command line.'),
      forbid(SCREEN_PACKAGES, 'headless output and recordings never import Ink or React.'),
    ),
  },
  {
    // The probe runs inside a traced program's processes: it sends the stream and knows nothing else.
    files: ['src/probe/**/*.ts'],
    rules: boundaries(
      forbid(['../dashboard/*', '../view/*', '../cli/*', '../headless/*', '../record/*', '../hooks/*', '**/components/*', '../agent/*', '../observer/*', '../trace/*'], 'src/probe runs inside the traced program: it knows only the runtime and the stream.'),
      forbid(SCREEN_PACKAGES, 'src/probe never imports Ink or React.'),
    ),
  },
  {
    // The watcher's side of a run's process (or of a traced command's): it starts it and reads its
    // stream, and knows no screen.
    files: ['src/observer/**/*.ts', 'src/stream/**/*.ts', 'src/trace/**/*.ts'],
    rules: boundaries(
      forbid(['../dashboard/*', '../view/*', '../cli/*', '../headless/*', '../record/*', '../hooks/*', '**/components/*', '../agent/*', '../probe/*'], 'the stream and the watchers know neither the screen nor the agent or the probe (they meet them through their events).'),
      forbid(SCREEN_PACKAGES, 'the stream and the watchers never import Ink or React.'),
    ),
  },
  {
    files: ['src/dashboard/**/*.{ts,tsx}', 'src/hooks/**/*.ts'],
    rules: boundaries(forbid(['../cli/*'], 'the dashboard does not reach back into the command line.')),
  },
  {
    // Components render snapshots: they never start or touch a run.
    files: ['components/**/*.tsx'],
    rules: boundaries(
      forbid(['**/src/agent/*', '**/src/cli/*', '**/src/headless/*', '**/src/record/*'], 'components render snapshots; they never import the runner or the command line.'),
      forbid(['**/src/runtime/*'], 'components take only types from the runtime: what they show comes in snapshots.', true),
    ),
  },
  {
    // Scenarios talk to ctx and to loopscope's public module only (and to Node, which is the point).
    files: ['scenarios/**/*.ts'],
    ignores: ['scenarios/index.ts'],
    rules: boundaries(
      forbid(['**/src/**', '!**/src/index.js'], "scenarios import loopscope's public module (src/index.ts) only."),
      forbid(SCREEN_PACKAGES, 'scenarios never import Ink or React.'),
    ),
  },
);
