// Bundled (production React) and run in a child process by bench/figures/frame.ts: the real App
// over a tracker holding N live tasks, drawn to a fake terminal of the given size. Each frame
// some tasks change state, as in a busy run; the time from the change to the end of the frame's
// write is one frame time. Prints one JSON line: the frame times in ms.
// Arguments: columns rows [entities].
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import { App } from '../../components/App.js';
import { loadBuiltin, SCENARIOS } from '../../scenarios/index.js';
import { ThemeContext } from '../../src/hooks/use-theme.js';
import { Tracker, type EntityRecord } from '../../src/runtime/tracker.js';
import { Session } from '../../src/dashboard/session.js';
import { dashboardSnapshot, HeldSnapshot } from '../../src/dashboard/store.js';
import { COLOUR_THEME, spinnerAt } from '../../src/view/theme.js';

const [columns = 160, rows = 48, entities = 10_000] = process.argv.slice(2).map(Number);
/** Tasks that change state each frame: a busy run changes many between two frames. */
const CHANGED_PER_FRAME = 100;
const WARM_FRAMES = 20;
const TIMED_FRAMES = 60;
/** Longer than Ink's 33 ms between repaints (maxFps 30), so each change is painted at once. */
const GAP_MS = 40;

/** A terminal that keeps nothing: it notes when the last write happened and how much was written. */
class FakeTerminal extends EventEmitter {
  readonly isTTY = true;
  lastWrite = 0;
  bytes = 0;

  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }

  write(chunk: string): boolean {
    this.bytes += chunk.length;
    this.lastWrite = performance.now();
    return true;
  }
}

const session = new Session({ scenarios: SCENARIOS.map(loadBuiltin), initial: SCENARIOS.findIndex((s) => s.id === 'rush-hour') });
const tracker = new Tracker();
const main = tracker.track('task', 'main', 'waiting', undefined, 'coro=main()', undefined);
const cars: EntityRecord[] = [];
for (let n = 1; n <= entities; n++) {
  const car = tracker.track('task', `car-${n}`, 'pending', main.id, undefined, undefined);
  tracker.setState(car, 'waiting');
  cars.push(car);
}
tracker.log('stdout', `rush hour: ${entities.toLocaleString('en')} cars, each driving 50-2000 ms`);
tracker.log('stdout', 'arrived in waves of 1,000, one loop turn apart');

let version = 0;
/** What DashboardStore builds from a run: the tracker's snapshot and the session around it. */
const build = () =>
  dashboardSnapshot(session.state, session.monitor.getSnapshot(), {
    version: ++version,
    run: tracker.snapshot(),
    runScenario: 'rush-hour',
    now: tracker.now(),
    spinner: spinnerAt(performance.now()),
    at: performance.now(),
  });
const store = new HeldSnapshot(build());

const terminal = new FakeTerminal(columns, rows);
const stdin = Object.assign(new EventEmitter(), { isTTY: false });
const app = render(
  <ThemeContext.Provider value={COLOUR_THEME}>
    <App session={session} store={store} interactive={false} />
  </ThemeContext.Provider>,
  { stdout: terminal as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, maxFps: 30, patchConsole: false, exitOnCtrlC: false },
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const times: number[] = [];
let cursor = 0;
for (let frame = 0; frame < WARM_FRAMES + TIMED_FRAMES; frame++) {
  await sleep(GAP_MS);
  const start = performance.now();
  // Live tasks taking their turn: the ones that ran go back to waiting, the next ones run.
  for (let i = 0; i < CHANGED_PER_FRAME; i++) {
    tracker.setState(cars[(cursor + i) % cars.length]!, 'waiting');
    tracker.setState(cars[(cursor + CHANGED_PER_FRAME + i) % cars.length]!, 'running');
  }
  cursor += CHANGED_PER_FRAME;
  const next = build();
  const written = terminal.bytes;
  store.set(next);
  // Ink paints at once when its last paint is more than 33 ms old; wait for the write otherwise.
  while (terminal.bytes === written) {
    if (performance.now() - start > 5000) throw new Error(`frame ${frame} was never written`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (frame >= WARM_FRAMES) times.push(terminal.lastWrite - start);
}
app.unmount();
process.stdout.write(`${JSON.stringify({ columns, rows, entities, times })}\n`);
