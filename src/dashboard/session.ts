import type { AgentProcess } from '../observer/agent-process.js';
import { RunClient } from '../observer/run-client.js';
import { LoopMirror, type Action, type RunHandle, type RunRequest } from '../observer/run-handle.js';
import { Spares } from '../observer/spares.js';
import { LANGS, settingsWith, SPEED_RANGE, type Lang, type RunSettings } from '../settings.js';
import type { ActOutcome, RunEnd, ScenarioInfo } from '../stream/events.js';
import type { CodeView } from '../view/code-view.js';
import type { Strings } from '../view/i18n.js';
import type { KeyCommand } from '../view/keys.js';
import { STATE_LOOK } from '../view/looks.js';
import { moveSelection, orderRows } from '../view/rows.js';
import { HANDLERS } from './commands.js';

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
  readonly scenario: ScenarioInfo;
  readonly phase: RunPhase;
  /** How the shown run ended, once it has. */
  readonly result: RunEnd | undefined;
  readonly speed: number;
  readonly lang: Lang;
  readonly stepMode: boolean;
  /** The step label the run waits at, in step mode. */
  readonly pausedAt: string | undefined;
  readonly code: CodeView;
  readonly help: boolean;
  /** Public id of the selected entity of the shown run. */
  readonly selectedId: string | undefined;
  /** A traced command's Node process shown alone (its entity's id), or undefined for all of them. */
  readonly process: string | undefined;
  readonly message: Message | undefined;
  readonly quitting: boolean;
  /** Set while `--autoplay` tours the scenarios. */
  readonly tour: TourView | undefined;
}

export interface SessionOptions {
  readonly scenarios: readonly ScenarioInfo[];
  readonly initial?: number;
  /**
   * What every run starts from; speed and language then follow the keys. `interactive` is false
   * when no one answers (a tour): scenarios that wait for a key then settle by themselves.
   */
  readonly settings?: RunSettings;
  /** Called when a key asks to quit (q: 0, Ctrl+C: 130); whoever shows the session ends it. */
  readonly onQuit?: (code: number) => void;
  /**
   * Makes a run: by default a RunClient, the scenario in its own process (one started ahead);
   * tests give runs of their own.
   */
  readonly createRun?: (scenario: ScenarioInfo, request: RunRequest) => RunHandle;
  /** The process the first run uses, when one was started for it already (a --file loaded). */
  readonly firstProcess?: AgentProcess;
}

/** Speed steps of `+` and `-`, across the range the flag accepts. */
export const SPEEDS: readonly number[] = [SPEED_RANGE.min, 0.25, 0.5, 1, 2, 4, SPEED_RANGE.max];

/**
 * The dashboard's controller, without any screen: which scenario runs, its start and stop, and
 * what each key does. A switch starts the new run at once (its process was started ahead) while
 * the old one stops on its own time; switches asked in one burst start only the last.
 */
export class Session {
  /** The run on screen's loop, as its process measures it. */
  readonly monitor = new LoopMirror();
  readonly #scenarios: readonly ScenarioInfo[];
  readonly #options: SessionOptions;
  readonly #settings: RunSettings;
  readonly #listeners = new Set<() => void>();
  readonly #stopping = new Set<Promise<unknown>>();
  #spares: Spares | undefined;
  #first: AgentProcess | undefined;
  #state: SessionState;
  #run: RunHandle | undefined;
  #unfollow: () => void = () => undefined;
  #starting: NodeJS.Immediate | undefined;
  #closing: Promise<void> | undefined;

  constructor(options: SessionOptions) {
    if (options.scenarios.length === 0) throw new Error('a session needs at least one scenario');
    this.#scenarios = options.scenarios;
    this.#options = options;
    const index = Math.min(Math.max(0, options.initial ?? 0), options.scenarios.length - 1);
    this.#settings = options.settings ?? settingsWith({ interactive: true });
    this.#first = options.firstProcess;
    this.#state = initialState(index, options.scenarios[index]!, { speed: this.#settings.speed, lang: this.#settings.lang });
  }

  get state(): SessionState {
    return this.#state;
  }

  /** The run on screen. */
  get run(): RunHandle | undefined {
    return this.#run;
  }

  get scenarios(): readonly ScenarioInfo[] {
    return this.#scenarios;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Starts the first run. */
  start(): void {
    this.#startRun(this.#state.index);
  }

  /** Resolves once the run asked for last has started. */
  async idle(): Promise<void> {
    while (this.#starting) await new Promise((resolve) => setImmediate(resolve));
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
    const on = !this.#state.stepMode;
    this.#run?.setStepMode(on);
    this.#set({ stepMode: on, message: on ? (s) => s.stepModeOn : (s) => s.stepModeOff });
  }

  nextStep(): void {
    if (!this.#run?.pausedAt) {
      this.#set({ message: (s) => s.notPaused });
      return;
    }
    this.#run.next();
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

  /**
   * `w`: a traced command's next Node process alone (its rows, its loop), after the last one all
   * of them again; the footer says which.
   */
  nextProcess(): void {
    const run = this.#run;
    if (!run?.processIds) return this.#say((s) => s.onlyTraces);
    const ids = run.processIds();
    if (ids.length === 0) return this.#say((s) => s.noProcesses);
    const at = this.#state.process === undefined ? -1 : ids.indexOf(this.#state.process);
    const next = ids[at + 1];
    run.selectProcess?.(next);
    const name = next === undefined ? undefined : run.tracker.find(next)?.name;
    this.#set({
      process: next,
      selectedId: undefined,
      message: next === undefined ? (s) => s.allProcesses(ids.length) : (s) => s.oneProcess(name ?? next, at + 2, ids.length),
    });
  }

  /** `c`, `f`, `x` on the selected entity; the footer says what happened or why nothing did. */
  act(action: Action): void {
    const run = this.#run;
    const id = this.#state.selectedId;
    if (!run) return this.#say((s) => s.noRun);
    if (id === undefined) return this.#say((s) => s.selectFirst);
    void run.act(id, action).then((outcome) => {
      if (this.#run === run) this.#say(actMessage(outcome));
    });
  }

  /** Stops the runs (the one on screen, those still stopping) and the spare process. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#set({ quitting: true, message: (s) => s.quitting });
      if (this.#starting) clearImmediate(this.#starting);
      this.#starting = undefined;
      const run = this.#run;
      if (run) this.#stopping.add(run.stop('quit'));
      await Promise.all([...this.#stopping, this.#spares?.close()]);
      this.#unfollow();
    })();
    return this.#closing;
  }

  #say(message: Message): void {
    this.#set({ message });
  }

  #request(index: number): void {
    this.#state = Object.freeze({ ...this.#state, index, scenario: this.#scenarios[index]!, selectedId: undefined, message: undefined });
    // Keys typed in one burst ask for several runs: only the last one starts, a turn later.
    this.#starting ??= setImmediate(() => {
      this.#starting = undefined;
      if (!this.#closing) this.#startRun(this.#state.index);
    });
    this.#emit();
  }

  #startRun(index: number): void {
    const previous = this.#run;
    if (previous) {
      const stopped = previous.stop('switched');
      this.#stopping.add(stopped);
      void stopped.finally(() => this.#stopping.delete(stopped));
    }
    const scenario = this.#scenarios[index]!;
    const { speed, lang, stepMode } = this.#state;
    const request: RunRequest = { settings: settingsWith({ speed, lang }, this.#settings), stepMode, loop: this.monitor };
    const run = this.#options.createRun?.(scenario, request) ?? this.#runClient(scenario, request);
    this.monitor.reset();
    this.#run = run;
    this.#unfollow();
    this.#unfollow = run.subscribe(() => {
      if (this.#run === run) this.#set({ pausedAt: run.pausedAt });
    });
    this.#set({ phase: 'running', result: undefined, selectedId: undefined, process: undefined, pausedAt: undefined });
    void run.done.then((result) => {
      if (this.#run === run) this.#set({ phase: result.status, result, pausedAt: undefined });
    });
  }

  /** The scenario in its own process, taken from the spare one started ahead. */
  #runClient(scenario: ScenarioInfo, request: RunRequest): RunHandle {
    this.#spares ??= new Spares('capture');
    const process = this.#first ?? this.#spares.take();
    this.#first = undefined;
    this.#spares.warm();
    return new RunClient({ scenario, settings: request.settings, stepMode: request.stepMode, loop: request.loop, output: 'capture', process });
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
export function initialState(index: number, scenario: ScenarioInfo, patch: Partial<SessionState> = {}): SessionState {
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
    process: undefined,
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
