import type { CodeView } from '../view/code-view.js';
import { captureConsole } from '../agent/console-capture.js';
import { strings, type Strings } from '../view/i18n.js';
import { STATE_LOOK } from '../view/looks.js';
import { HANDLERS } from './commands.js';
import type { KeyCommand } from '../view/keys.js';
import { moveSelection, orderRows } from '../view/rows.js';
import { Run, type Action, type ActOutcome, type RunOptions, type RunResult } from '../agent/runner.js';
import { LANGS, settingsWith, SPEED_RANGE, type Lang, type RunSettings } from '../settings.js';
import { thrownText } from './fault-origin.js';
import { LoopMonitor } from '../runtime/loop-monitor.js';
import type { LoadedScenario } from '../scenario.js';
import { Stepper } from '../agent/stepper.js';

/** Where the shown run is in its life. */
export type RunPhase = 'running' | 'stopping' | 'ended' | 'failed' | 'stopped';

/** The hands-free tour (`--autoplay`), as the screen needs it. */
export interface TourView {
  /** performance.now() when the shown run started: the scenario's time on screen counts from it. */
  readonly since: number;
  /** How long each scenario stays on screen. */
  readonly ms: number;
}

/** A line for the footer, worded when shown so a language switch rewords it. */
export type Message = (s: Strings) => string;

/** Everything the person chose, and where the current run stands. Replaced, never mutated. */
export interface SessionState {
  /** The scenario asked for last: the tabs show it at once, before its run starts. */
  readonly index: number;
  readonly scenario: LoadedScenario;
  readonly phase: RunPhase;
  /** How the shown run ended, once it has. */
  readonly result: RunResult | undefined;
  readonly speed: number;
  readonly lang: Lang;
  readonly stepMode: boolean;
  /** The step label the run waits at, in step mode. */
  readonly pausedAt: string | undefined;
  readonly code: CodeView;
  readonly help: boolean;
  /** Public id of the selected entity of the shown run. */
  readonly selectedId: string | undefined;
  readonly message: Message | undefined;
  readonly quitting: boolean;
  /** Set while `--autoplay` tours the scenarios. */
  readonly tour: TourView | undefined;
}

export interface SessionOptions {
  readonly scenarios: readonly LoadedScenario[];
  readonly initial?: number;
  /**
   * What every run starts from; speed and language then follow the keys. `interactive` is false
   * when no one answers (a tour): scenarios that wait for a key then settle by themselves.
   */
  readonly settings?: RunSettings;
  /** The one monitor every run reports blocks to; the session makes (and later stops) its own if absent. */
  readonly monitor?: LoopMonitor;
  /** Passed to each run: the wait before its leak check, so the screen can drop its spinners first. */
  readonly settleMs?: number;
  readonly stopTimeoutMs?: number;
  /** Called when a key asks to quit (q: 0, Ctrl+C: 130); whoever shows the session ends it. */
  readonly onQuit?: (code: number) => void;
  /** Makes an unstarted run; tests wrap it to watch runs come and go. */
  readonly createRun?: (scenario: LoadedScenario, options: RunOptions) => Run;
}

/** Speed steps of `+` and `-`, across the range the flag accepts. */
export const SPEEDS: readonly number[] = [SPEED_RANGE.min, 0.25, 0.5, 1, 2, 4, SPEED_RANGE.max];

/**
 * The dashboard's controller, without any screen: which scenario runs, its Run's start and stop,
 * and what each key does. Switches are serialised: a run starts only after the previous one has
 * stopped and been checked for leftovers, and when many switches arrive meanwhile, the last wins.
 */
export class Session {
  readonly monitor: LoopMonitor;
  readonly stepper = new Stepper();
  readonly #scenarios: readonly LoadedScenario[];
  readonly #options: SessionOptions;
  readonly #ownsMonitor: boolean;
  readonly #settings: RunSettings;
  readonly #listeners = new Set<() => void>();
  #state: SessionState;
  #run: Run | undefined;
  /** Generation of the last switch asked for, and of the run started last. */
  #wanted = 0;
  #startedFor = -1;
  #pumping = false;
  #idle: Promise<void> = Promise.resolve();
  #closing: Promise<void> | undefined;
  #unstep: () => void;
  #uncapture: (() => void) | undefined;

  constructor(options: SessionOptions) {
    if (options.scenarios.length === 0) throw new Error('a session needs at least one scenario');
    this.#scenarios = options.scenarios;
    this.#options = options;
    this.#ownsMonitor = !options.monitor;
    this.monitor = options.monitor ?? new LoopMonitor();
    const index = Math.min(Math.max(0, options.initial ?? 0), options.scenarios.length - 1);
    this.#settings = options.settings ?? settingsWith({ interactive: true });
    this.#state = initialState(index, options.scenarios[index]!, { speed: this.#settings.speed, lang: this.#settings.lang });
    this.#unstep = this.stepper.subscribe(() => this.#set({ stepMode: this.stepper.enabled, pausedAt: this.stepper.pausedAt }));
  }

  get state(): SessionState {
    return this.#state;
  }

  /** The run on screen (it may be stopping while the next one waits to start). */
  get run(): Run | undefined {
    return this.#run;
  }

  get scenarios(): readonly LoadedScenario[] {
    return this.#scenarios;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Starts the loop monitor and the first run. */
  start(): void {
    // A run captures the console only while it lives. What its leftovers print later (a timer it
    // left, a body that ignored its stop) would land on the terminal the dashboard draws on: it
    // goes to the console panel of the run on screen instead, marked as printed after the run.
    this.#uncapture ??= captureConsole((stream, text) => this.#run?.tracker.log(stream, strings(this.#state.lang).afterRun(text)));
    this.monitor.start();
    this.#request(this.#state.index);
  }

  /**
   * An error a scenario's leftovers threw after its run ended (a timer it left, say): no run takes
   * it any more, so it goes to the console panel of the run on screen, marked as after the run.
   */
  reportLate(error: unknown): void {
    const s = strings(this.#state.lang);
    this.#run?.tracker.log('stderr', s.afterRun(s.uncaught(thrownText(error))));
  }

  /** Resolves once no switch is in progress (the last one asked for has started). */
  idle(): Promise<void> {
    return this.#idle;
  }

  /** What a key asks for, by the key table's handler for its command. */
  dispatch(press: KeyCommand): void {
    if (this.#closing) return;
    HANDLERS[press.command](this, press);
  }

  /** Asks the screen to end with this exit code (q, Ctrl+C); the caller stops the session. */
  quit(code: number): void {
    this.#options.onQuit?.(code);
  }

  /** Switches `delta` scenarios on, wrapping around (← → tab). */
  selectBy(delta: number): void {
    const count = this.#scenarios.length;
    this.select((((this.#state.index + delta) % count) + count) % count);
  }

  rerun(): void {
    this.#request(this.#state.index);
  }

  /** One speed step up (1) or down (-1), staying within the range. */
  stepSpeed(direction: 1 | -1): void {
    const speed = this.#state.speed;
    const next = direction > 0 ? SPEEDS.find((s) => s > speed + 1e-9) : [...SPEEDS].reverse().find((s) => s < speed - 1e-9);
    this.setSpeed(next ?? (direction > 0 ? SPEEDS[SPEEDS.length - 1]! : SPEEDS[0]!));
  }

  toggleCode(): void {
    this.#set({ code: this.#state.code === 'ts' ? 'python' : 'ts' });
  }

  /** The next language of LANGS, for the screen and for the runs started from now on. */
  toggleLang(): void {
    this.#set({ lang: LANGS[(LANGS.indexOf(this.#state.lang) + 1) % LANGS.length]! });
  }

  toggleHelp(): void {
    this.#set({ help: !this.#state.help });
  }

  closeHelp(): void {
    this.#set({ help: false });
  }

  /** Switches to the scenario at `index` (no-op when it is already the one asked for). */
  select(index: number): void {
    if (index < 0 || index >= this.#scenarios.length || index === this.#state.index) return;
    this.#request(index);
  }

  /** Time scale for the current run (at once) and the next ones. */
  setSpeed(speed: number): void {
    const clamped = Math.min(SPEED_RANGE.max, Math.max(SPEED_RANGE.min, speed));
    if (this.#run && !this.#run.finished) this.#run.setSpeed(clamped);
    this.#set({ speed: clamped });
  }

  toggleStepMode(): void {
    const on = !this.stepper.enabled;
    this.stepper.enabled = on;
    this.#set({ message: on ? (s) => s.stepModeOn : (s) => s.stepModeOff });
  }

  nextStep(): void {
    if (!this.stepper.pausedAt) {
      this.#set({ message: (s) => s.notPaused });
      return;
    }
    this.stepper.next();
  }

  setTour(tour: TourView | undefined): void {
    this.#set({ tour });
  }

  /** Moves the selection over the rows in display order. */
  moveSelection(delta: number): void {
    if (!this.#run) return;
    const rows = orderRows(this.#run.tracker.snapshot().entities);
    // The footer then shows the selected row in full instead of an older message.
    this.#set({ selectedId: moveSelection(rows, this.#state.selectedId, delta), message: undefined });
  }

  /** `c`, `f`, `x` on the selected entity; the footer says what happened or why nothing did. */
  act(action: Action): void {
    const run = this.#run;
    const id = this.#state.selectedId;
    if (!run) return this.#say((s) => s.noRun);
    if (id === undefined) return this.#say((s) => s.selectFirst);
    this.#say(actMessage(run.act(id, action)));
  }

  /** Stops the current run (cancel, wait, leak check) and the monitor if the session made it. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#set({ quitting: true, message: (s) => s.quitting });
      await this.#idle;
      await this.#run?.stop('quit');
      this.#uncapture?.();
      this.#unstep();
      if (this.#ownsMonitor) this.monitor.stop();
    })();
    return this.#closing;
  }

  #say(message: Message): void {
    this.#set({ message });
  }

  #request(index: number): void {
    this.#wanted++;
    // Start the run (when none has to stop first) before telling the screen, so the run's first
    // macrotask is queued ahead of the repaint, as a script's would be.
    this.#state = Object.freeze({ ...this.#state, index, scenario: this.#scenarios[index]!, selectedId: undefined, message: undefined });
    if (!this.#pumping) {
      this.#pumping = true;
      this.#idle = this.#pump();
    }
    this.#emit();
  }

  async #pump(): Promise<void> {
    try {
      while (this.#startedFor !== this.#wanted && !this.#closing) {
        const current = this.#run;
        if (current) {
          if (!current.finished) this.#set({ phase: 'stopping' });
          await current.stop('switched');
        }
        if (this.#closing) return;
        this.#startedFor = this.#wanted;
        this.#startRun(this.#state.index);
      }
    } finally {
      this.#pumping = false;
    }
  }

  #startRun(index: number): void {
    const scenario = this.#scenarios[index]!;
    const { speed, lang } = this.#state;
    const options: RunOptions = {
      settings: settingsWith({ speed, lang }, this.#settings),
      stepper: this.stepper,
      monitor: this.monitor,
      settleMs: this.#options.settleMs ?? 150,
      ...(this.#options.stopTimeoutMs !== undefined ? { stopTimeoutMs: this.#options.stopTimeoutMs } : {}),
    };
    const run = this.#options.createRun?.(scenario, options) ?? new Run(scenario, options);
    this.monitor.reset();
    this.#run = run;
    run.start();
    this.#set({ phase: 'running', result: undefined, selectedId: undefined });
    void run.done.then((result) => {
      if (this.#run === run) this.#set({ phase: result.status, result });
    });
  }

  #set(patch: Partial<SessionState>): void {
    this.#state = Object.freeze({ ...this.#state, ...patch });
    this.#emit();
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}

/** A session's state before anything happened, on scenario `index`; `patch` overrides fields. */
export function initialState(index: number, scenario: LoadedScenario, patch: Partial<SessionState> = {}): SessionState {
  return Object.freeze({
    index,
    scenario,
    phase: 'running',
    result: undefined,
    speed: 1,
    lang: 'en',
    stepMode: false,
    pausedAt: undefined,
    code: 'ts',
    help: false,
    selectedId: undefined,
    message: undefined,
    quitting: false,
    tour: undefined,
    ...patch,
  });
}

/** The footer's words for what came of an action. */
export function actMessage(done: ActOutcome): Message {
  switch (done.outcome) {
    case 'notFound':
      return (s) => s.notFound(done.id);
    case 'alreadyDone':
      return (s) => s.alreadyDone(done.name, STATE_LOOK[done.state].word[s.lang]);
    default:
      return (s) => s[done.outcome](done.name);
  }
}
