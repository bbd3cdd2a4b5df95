import { render, type Instance } from 'ink';
import { App } from '../../components/App.js';
import { ErrorBoundary } from '../../components/ErrorBoundary.js';
import { ThemeContext } from '../hooks/use-theme.js';
import { strings } from '../view/i18n.js';
import { lineUpdates } from './line-updates.js';
import { settingsWith, type RunSettings } from '../settings.js';
import { ENDING_SIGNALS, SIGNAL_CODES, type EndingSignal } from '../exit-signals.js';
import type { Recording } from '../record/record.js';
import type { ScenarioInfo } from '../stream/events.js';
import type { AgentProcess } from '../observer/agent-process.js';
import { Session, type SessionOptions } from './session.js';
import { DashboardStore, type SnapshotSource } from './store.js';
import { themeFor } from '../view/theme.js';
import { Tour } from './tour.js';
import { warmUp } from './warm-up.js';

export interface DashboardOptions {
  readonly scenarios: readonly ScenarioInfo[];
  /** Index of the scenario to start on. */
  readonly initial: number;
  /** Where every run starts from (interactive is decided here: false while touring). */
  readonly settings: RunSettings;
  readonly stdin?: NodeJS.ReadStream;
  readonly stdout?: NodeJS.WriteStream;
  readonly stderr?: NodeJS.WriteStream;
  readonly env?: NodeJS.ProcessEnv;
  /** Also writes what is drawn to this recording (started here; the caller closes it). */
  readonly recording?: Recording;
  /** The process the first run uses, when one was started for it already (a --file loaded). */
  readonly firstProcess?: AgentProcess;
  /** Seconds per scenario of a hands-free tour (`--autoplay`); the app then ends by itself with 0. */
  readonly autoplay?: number;
  /** Replay mode, its runs, and a notice for the footer (see SessionOptions). */
  readonly mode?: SessionOptions['mode'];
  readonly createRun?: SessionOptions['createRun'];
  readonly message?: SessionOptions['message'];
  /** Each run in its own process, as it starts (`--save` follows it). */
  readonly observe?: SessionOptions['observe'];
}

/** Why keys cannot be read from `stdin` (so the dashboard cannot run), or undefined when they can. */
export function inputProblem(stdin: NodeJS.ReadStream): 'stdinNotTty' | 'noRawMode' | undefined {
  if (!stdin.isTTY) return 'stdinNotTty';
  if (typeof stdin.setRawMode !== 'function') return 'noRawMode';
  try {
    stdin.setRawMode(true);
    stdin.setRawMode(false);
  } catch {
    return 'noRawMode';
  }
  return undefined;
}

/** Longest wait for the run to stop on the way out; past it the terminal is restored anyway. */
const QUIT_DEADLINE_MS = 3000;

/**
 * Runs the live dashboard until q, Ctrl+C, a signal or a crash; resolves to the exit code once
 * the run is stopped and the terminal is back to normal (raw mode off, cursor shown).
 */
export async function runDashboard(options: DashboardOptions): Promise<number> {
  const stdin = options.stdin ?? process.stdin;
  const terminal = options.stdout ?? process.stdout;
  const env = options.env ?? process.env;
  const { recording } = options;
  // The recording's "r" events are registered first, so each comes before the frame for its size.
  recording?.start(terminal.columns || 80, terminal.rows || 24, env);
  const unfollowResizes = recording?.followResizes(terminal);
  const drawing = lineUpdates(recording ? recording.tee(terminal) : terminal);
  const stdout = drawing.stream;
  const errors = options.stderr ?? process.stderr;
  // What goes to stderr shows on the screen too when it is the terminal (a crash's line).
  const stderr = recording && errors.isTTY ? recording.tee(errors) : errors;
  const session = new Session({
    scenarios: options.scenarios,
    initial: options.initial,
    // A tour has no one to answer: scenarios that wait for a key settle by themselves.
    settings: settingsWith({ interactive: options.autoplay === undefined }, options.settings),
    onQuit: (code) => void finish(code),
    firstProcess: options.firstProcess,
    mode: options.mode,
    createRun: options.createRun,
    message: options.message,
    observe: options.observe,
  });
  session.prepare();
  const store = new DashboardStore(session);
  const tour = options.autoplay === undefined ? undefined : new Tour(session, options.autoplay, () => void finish(0));
  let app: Instance | undefined;
  let exitCode = 0;
  let crash: unknown;
  let finishing: Promise<void> | undefined;

  const finish = (code: number): Promise<void> => {
    finishing ??= (async () => {
      exitCode = code;
      tour?.stop();
      await closeWithin(session, QUIT_DEADLINE_MS);
      app?.unmount();
    })();
    return finishing;
  };
  const onCrash = (error: unknown) => {
    crash ??= error;
    exitCode = 1;
    void finish(1);
  };
  // The program runs in its own process: an uncaught error here is loopscope's own, and ends
  // the app with one line instead of a torn screen.
  const onUncaught = (error: unknown) => onCrash(error);
  const onSignal = (signal: EndingSignal) => void finish(SIGNAL_CODES[signal]);
  // A terminal that went away (EIO, EPIPE) cannot be drawn on: stop quietly.
  const onStreamError = () => void finish(exitCode || 1);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  for (const signal of ENDING_SIGNALS) process.on(signal, onSignal);
  stdout.on('error', onStreamError);

  const theme = themeFor(env);
  const screen = (source: SnapshotSource, interactive: boolean) => (
    <ThemeContext.Provider value={theme}>
      <App session={session} store={source} interactive={interactive} />
    </ThemeContext.Provider>
  );
  try {
    app = render(<ErrorBoundary onError={onCrash}>{screen(store, true)}</ErrorBoundary>, {
      stdin,
      stdout,
      stderr,
      maxFps: 30,
      patchConsole: false,
      exitOnCtrlC: false,
    });
    // Ask for the exit promise now: an unmount before anyone waits would never resolve it.
    const exited = app.waitUntilExit();
    // Let the first frame land, and warm the renderer up off screen, before the first run
    // starts: its lag figures and timeline are then the scenario's, not the screen's.
    await new Promise((resolve) => setImmediate(resolve));
    warmUp(session, stdout.columns || 80, stdout.rows || 24, (source) => screen(source, false));
    if (!finishing) {
      session.start();
      tour?.start();
    }
    await exited;
  } catch (error) {
    crash ??= error;
    exitCode = 1;
    await closeWithin(session, QUIT_DEADLINE_MS);
  } finally {
    tour?.stop();
    app?.unmount();
    store.dispose();
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
    for (const signal of ENDING_SIGNALS) process.off(signal, onSignal);
    restoreTerminal(stdin, stdout);
    stdout.off('error', onStreamError);
    drawing.stop();
    unfollowResizes?.();
  }
  if (crash !== undefined) {
    const message = crash instanceof Error ? crash.message : String(crash);
    stderr.write(`${strings(session.state.lang).crashed(message.split('\n')[0] ?? '')}\n`);
  }
  return exitCode;
}

/** Stops the session, giving up after `ms` so a run that ignores cancellation cannot hold the exit. */
async function closeWithin(session: Session, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([session.close(), deadline]);
  clearTimeout(timer);
}

/** Raw mode off, cursor shown, input released: whatever way the app ended. */
function restoreTerminal(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream): void {
  try {
    if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
    stdin.pause();
    stdin.unref?.();
    if (stdout.isTTY && !stdout.destroyed) stdout.write('\u001B[?25h');
  } catch {
    // The terminal may already be gone (SIGHUP); nothing left to restore then.
  }
}
