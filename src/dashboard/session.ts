import type { AgentProcess } from '../observer/agent-process.js';
import { RunClient } from '../observer/run-client.js';
import { LoopMirror, type Action, type PlaybackView, type RunHandle, type RunRequest } from '../observer/run-handle.js';
import { Spares } from '../observer/spares.js';
import { LANGS, settingsWith, SPEED_RANGE, type Lang, type RunSettings } from '../settings.js';
import type { EntityView } from '../runtime/tracker.js';
import type { ActOutcome, RunEnd, ScenarioInfo } from '../stream/events.js';
import type { CodeView } from '../view/code-view.js';
import { scrollConsole, type ConsoleAnchor } from '../view/console-page.js';
import type { Strings } from '../view/i18n.js';
import { commandsFor, type KeyCommand, type KeyInfo, type Mode } from '../view/keys.js';
import { STATE_LOOK } from '../view/looks.js';
import { moveSelection } from '../view/rows.js';
import { DEFAULT_TABLE, SORT_KEYS, tableRows, type TableOptions, type TableRows } from '../view/table.js';
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
  /** Live runs, or recorded ones played back: which keys mean what. */
  readonly mode: Mode;
  /** Where the playback of the shown run is, in replay mode. */
  readonly replay: PlaybackView | undefined;
  /** The scenario asked for last (in replay mode, the recorded run): the tabs show it at once, before its run starts. */
  readonly index: number;
  readonly scenario: ScenarioInfo;
  readonly phase: RunPhase;
  /**
   * Runs of the shown scenario in a row, this one counted: 1 after a switch, one more on each
   * rerun. The header shows it from 2 on, so a rerun that ends as fast as the last is seen to.
   */
  readonly runNumber: number;
  /** How the shown run ended, once it has. */
  readonly result: RunEnd | undefined;
  readonly speed: number;
  readonly lang: Lang;
  readonly stepMode: boolean;
  /** The step label the run waits at, in step mode. */
  readonly pausedAt: string | undefined;
  readonly code: CodeView;
  /** The scenario's explanation is open in place of the panels (`p` after the Python): readable at any size. */
  readonly explainOpen: boolean;
  readonly help: boolean;
  /** Public id of the selected entity of the shown run. */
  readonly selectedId: string | undefined;
  /** How the task table shows the rows: sort, filter, tree. */
  readonly table: TableOptions;
  /** True while `/` takes typed text as the filter (Enter keeps it, Esc clears it). */
  readonly filtering: boolean;
  /** Public id of the entity whose details are open (Enter), in place of the table. */
  readonly detailId: string | undefined;
  /** The whole console is open (`o`), in place of the panels. */
  readonly consoleOpen: boolean;
  /** Where the open console's page starts while scrolled back; undefined: it follows the newest line. */
  readonly consoleFrom: ConsoleAnchor | undefined;
  /** Columns the whole console wraps its lines at, as the screen last said. */
  readonly consoleWidth: number;
  /** Rows the table (or the open console) shows at once, as the screen last said: what PgUp / PgDn move by. */
  readonly pageRows: number;
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
  /** `replay` when the runs are recordings played back (`createRun` makes them). */
  readonly mode?: Mode;
  /** Called with each run in its own process, before it says anything (a saved stream follows it). */
  readonly observe?: (run: RunClient) => void;
  /** A line for the footer from the start (a replayed file that was cut short). */
  readonly message?: Message;
}

const NO_ENTITIES: readonly EntityView[] = Object.freeze([]);

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
  /** The scenario index #run was started for. */
  #runIndex: number | undefined;
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
    this.#state = initialState(index, options.scenarios[index]!, { speed: this.#settings.speed, lang: this.#settings.lang, mode: options.mode ?? 'live', message: options.message });
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

  /**
   * Starts the first run's process ahead (when runs are scenarios in processes of their own and
   * none was started yet): it starts up while the screen draws its first frame.
   */
  prepare(): void {
    if (this.#options.createRun || this.#first || this.#closing) return;
    this.#spares ??= new Spares('capture');
    this.#spares.warm();
  }

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

  /**
   * A read from the terminal: while a filter is typed, text goes into it (arrows still move the
   * selection, Ctrl+C still quits); otherwise each key is looked up in the key table.
   */
  press(input: string, key: KeyInfo & { readonly backspace?: boolean; readonly delete?: boolean }): void {
    // Keys typed faster than they are read come as one string: each is its own press, so that
    // `/rejected` starts a filter and types into it rather than rerunning on `r`.
    if (input.length > 1 && !key.ctrl && !input.startsWith('\u001b')) {
      for (const ch of input) this.press(ch, {});
      return;
    }
    if (!this.#state.filtering || key.ctrl || key.upArrow || key.downArrow || key.pageUp || key.pageDown) {
      for (const command of commandsFor(input, key, this.#state.mode)) this.dispatch(command);
      return;
    }
    if (key.escape) return this.back();
    if (key.return) return this.#set({ filtering: false });
    const filter = this.#state.table.filter;
    if (key.backspace || key.delete) return this.#setTable({ filter: filter.slice(0, -1) });
    // Printable text only: a terminal's escape sequences are not part of a name.
    const text = input.replace(/[\u0000-\u001f\u007f]/g, '');
    if (text) this.#setTable({ filter: filter + text });
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

  /** `p`: the TypeScript, then the Python it mirrors, then the scenario's explanation, then round again. */
  toggleCode(): void {
    const st = this.#state;
    if (st.explainOpen) return this.#set({ explainOpen: false, code: 'ts' });
    if (st.code === 'ts') return this.#set({ code: 'python' });
    this.#set({ explainOpen: true, help: false, detailId: undefined, consoleOpen: false });
  }

  /** The next language of LANGS, for the screen and for the runs started from now on. */
  toggleLang(): void {
    this.#set({ lang: LANGS[(LANGS.indexOf(this.#state.lang) + 1) % LANGS.length]! });
  }

  toggleHelp(): void {
    this.#set({ help: !this.#state.help });
  }

  /** Esc: closes what is open, the innermost first (help, details, console, explanation), else clears the filter. */
  back(): void {
    const st = this.#state;
    if (st.help) return this.#set({ help: false });
    if (st.detailId !== undefined) return this.#set({ detailId: undefined });
    if (st.consoleOpen) return this.#set({ consoleOpen: false, consoleFrom: undefined });
    if (st.explainOpen) return this.#set({ explainOpen: false });
    if (st.filtering || st.table.filter) return this.#set({ filtering: false, table: { ...st.table, filter: '' } });
  }

  /** `/`: typed text filters the rows from now (see press). */
  startFilter(): void {
    this.#set({ filtering: true, detailId: undefined, consoleOpen: false, explainOpen: false });
  }

  /** `s`: sorts by the next column of SORT_KEYS. */
  cycleSort(): void {
    const at = SORT_KEYS.indexOf(this.#state.table.sort);
    this.#setTable({ sort: SORT_KEYS[(at + 1) % SORT_KEYS.length]! });
  }

  /** `S`: the same column, the other way. */
  reverseSort(): void {
    this.#setTable({ reverse: !this.#state.table.reverse });
  }

  /** `t`: nested under who awaits or created each row, or a flat sorted list. */
  toggleTree(): void {
    this.#setTable({ tree: !this.#state.table.tree });
  }

  /** Enter: the selected row's details (the first row's, with no selection). */
  openDetails(): void {
    const id = this.#state.selectedId ?? this.rows().at(0)?.entity.id;
    if (id === undefined) return this.#say((s) => s.selectFirst);
    this.#set({ selectedId: id, detailId: id, help: false, consoleOpen: false, explainOpen: false });
  }

  /** `o`: the whole console, or back to the panels. */
  toggleConsole(): void {
    this.#set({ consoleOpen: !this.#state.consoleOpen, consoleFrom: undefined, detailId: undefined, help: false, explainOpen: false });
  }

  /** The screen says how many rows the table, or the open console, shows at once (bound: the table is handed it). */
  setPageRows = (rows: number): void => {
    if (rows !== this.#state.pageRows && rows > 0) this.#set({ pageRows: rows });
  };

  /** The screen says how wide the open console is: where its long lines wrap. */
  setConsoleWidth(columns: number): void {
    if (columns !== this.#state.consoleWidth && columns > 0) this.#set({ consoleWidth: columns });
  }

  /** PgUp / PgDn: a page of rows (of the console's rows, when it is open). */
  page(direction: 1 | -1): void {
    if (this.#state.consoleOpen) return this.#scrollConsole(direction * this.#state.pageRows);
    this.moveSelection(direction * Math.max(1, this.#state.pageRows - 1));
  }

  /** Home / g and End / G: the first or the last row (the console's oldest line, or following the newest). */
  toEdge(direction: 1 | -1): void {
    if (this.#state.consoleOpen) return this.#scrollConsole(direction > 0 ? Infinity : -Infinity);
    const rows = this.rows();
    if (rows.length > 0) this.#set({ selectedId: rows.at(direction > 0 ? rows.length - 1 : 0)!.entity.id, message: undefined });
  }

  /** The task table's rows as shown: the run's entities filtered, sorted or nested. */
  rows(): TableRows {
    const run = this.#run?.tracker.snapshot();
    return tableRows(run?.entities ?? NO_ENTITIES, this.#state.table, this.#state.lang, run?.now);
  }

  /** Moves the open console's page `delta` rows down (up when negative); at the bottom it follows. */
  #scrollConsole(delta: number): void {
    const snap = this.#run?.tracker.snapshot();
    if (!snap) return;
    const { consoleFrom, consoleWidth, pageRows } = this.#state;
    const lines = { logs: snap.logs, dropped: snap.droppedLogs };
    this.#set({ consoleFrom: scrollConsole(lines, consoleFrom, delta, consoleWidth, pageRows) });
  }

  #setTable(patch: Partial<TableOptions>): void {
    this.#set({ table: Object.freeze({ ...this.#state.table, ...patch }) });
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

  /** Space in a replay: pause or play on. */
  togglePause(): void {
    this.#run?.playback?.togglePause();
  }

  /** ← → in a replay: `ms` on or back. */
  seekBy(ms: number): void {
    const playback = this.#run?.playback;
    playback?.seek(playback.view().position + ms);
  }

  /** Home / End in a replay. */
  seekTo(edge: 'start' | 'end'): void {
    this.#run?.playback?.seek(edge === 'start' ? 0 : Infinity);
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

  /** Moves the selection over the rows in display order (or scrolls the open console). */
  moveSelection(delta: number): void {
    if (this.#state.consoleOpen) return this.#scrollConsole(delta);
    if (!this.#run) return;
    const rows = this.rows();
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
    this.#state = Object.freeze({ ...this.#state, index, scenario: this.#scenarios[index]!, selectedId: undefined, detailId: undefined, consoleFrom: undefined, message: undefined });
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
    this.monitor.reset();
    const run = this.#options.createRun?.(scenario, request) ?? this.#runClient(scenario, request);
    if (run instanceof RunClient) this.#options.observe?.(run);
    const runNumber = previous !== undefined && this.#runIndex === index ? this.#state.runNumber + 1 : 1;
    this.#run = run;
    this.#runIndex = index;
    this.#unfollow();
    this.#unfollow = run.subscribe(() => {
      if (this.#run === run) this.#set({ pausedAt: run.pausedAt, ...playbackState(run) });
    });
    this.#set({ phase: 'running', runNumber, result: undefined, selectedId: undefined, detailId: undefined, consoleFrom: undefined, process: undefined, pausedAt: undefined, ...playbackState(run) });
    void run.done.then((result) => {
      if (this.#run === run) this.#set({ phase: result.status, result, pausedAt: undefined });
    });
  }

  /** The scenario in its own process, taken from the spare one started ahead. */
  #runClient(scenario: ScenarioInfo, request: RunRequest): RunHandle {
    this.#spares ??= new Spares('capture');
    const process = this.#first ?? this.#spares.take();
    this.#first = undefined;
    const run = new RunClient({ scenario, settings: request.settings, stepMode: request.stepMode, loop: request.loop, output: 'capture', process });
    // The next spare starts once this run was told to start: a switch soon after finds it ready.
    this.#spares.warm();
    return run;
  }

  #set(patch: Partial<SessionState>): void {
    this.#state = Object.freeze({ ...this.#state, ...patch });
    this.#emit();
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}

/** A played-back run's place, and the phase it shows: ended once the playback is past its end. */
function playbackState(run: RunHandle): Partial<SessionState> {
  const replay = run.playback?.view();
  if (!replay) return {};
  return { replay, phase: replay.ended?.status ?? 'running', result: replay.ended };
}

/** A session's state before anything happened, on scenario `index`; `patch` overrides fields. */
export function initialState(index: number, scenario: ScenarioInfo, patch: Partial<SessionState> = {}): SessionState {
  return Object.freeze({
    mode: 'live',
    replay: undefined,
    index,
    scenario,
    phase: 'running',
    runNumber: 1,
    result: undefined,
    speed: 1,
    lang: 'en',
    stepMode: false,
    pausedAt: undefined,
    code: 'ts',
    explainOpen: false,
    help: false,
    selectedId: undefined,
    table: DEFAULT_TABLE,
    filtering: false,
    detailId: undefined,
    consoleOpen: false,
    consoleFrom: undefined,
    consoleWidth: 76,
    pageRows: 10,
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
