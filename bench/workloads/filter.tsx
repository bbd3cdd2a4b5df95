// Bundled (production React) and run in a child process by bench/figures/filter.ts: the real App
// over N live cars (every 100th broken down), and filters typed into the task table a key at a
// time, flat and as a tree, while 100 cars change state between keys (a fresh snapshot each key,
// as in a running rush hour). From each key to the end of the frame it made: one time, with the
// CPU time spent meanwhile. Prints one JSON line: the keys typed into the flat table and the tree.
// Arguments: columns rows [entities].
import { drawApp } from './fake-terminal.js';
import { LiveCars } from './live-cars.js';

const [columns = 160, rows = 48, entities = 100_000] = process.argv.slice(2).map(Number);
/** What a person might look for: a car by number, the broken-down ones, a state most cars are in. */
const NEEDLES = ['car-7777', 'rejected', 'wait'];
const CHANGED_PER_KEY = 100;
/** Longer than Ink's 33 ms between repaints (maxFps 30), so each key is painted at once. */
const GAP_MS = 40;

const live = new LiveCars(entities, 100);
const { terminal, app } = drawApp(live.session, live.store, columns, rows);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a key cost: ms from the key to its frame written, and the CPU ms the process spent meanwhile (on a shared machine, the part that is the program's). */
interface KeyTime {
  readonly ms: number;
  readonly cpuMs: number;
}

/** Presses a key as the terminal would give it, and times it to its frame written. */
async function press(input: string, key: { escape?: boolean } = {}): Promise<KeyTime> {
  await sleep(GAP_MS);
  live.turn(CHANGED_PER_KEY);
  const cpu = process.cpuUsage();
  const start = performance.now();
  live.session.press(input, key);
  const written = terminal.bytes;
  live.store.set(live.build());
  await terminal.written(written);
  const used = process.cpuUsage(cpu);
  return { ms: terminal.lastWrite - start, cpuMs: (used.user + used.system) / 1000 };
}

/** Types each needle after `/`, a key at a time, then clears it with Esc; the typed keys' times. */
async function typeNeedles(): Promise<KeyTime[]> {
  const times: KeyTime[] = [];
  for (const needle of NEEDLES) {
    await press('/');
    for (const ch of needle) times.push(await press(ch));
    await press('', { escape: true });
  }
  return times;
}

// Warm up: the JIT compiles the filter, the rows and Ink's layout.
await typeNeedles();
const flat = await typeNeedles();
await press('t');
const tree = await typeNeedles();
app.unmount();
process.stdout.write(`${JSON.stringify({ columns, rows, entities, flat, tree })}\n`);
