// Bundled (production React) and run in a child process by bench/figures/frame.ts: the real App
// over a tracker holding N live tasks, drawn to a fake terminal of the given size. Each frame
// some tasks change state, as in a busy run; the time from the change to the end of the frame's
// write is one frame time. Prints one JSON line: the frame times in ms.
// Arguments: columns rows [entities].
import { drawApp } from './fake-terminal.js';
import { LiveCars } from './live-cars.js';

const [columns = 160, rows = 48, entities = 10_000] = process.argv.slice(2).map(Number);
/** Tasks that change state each frame: a busy run changes many between two frames. */
const CHANGED_PER_FRAME = 100;
const WARM_FRAMES = 20;
const TIMED_FRAMES = 60;
/** Longer than Ink's 33 ms between repaints (maxFps 30), so each change is painted at once. */
const GAP_MS = 40;

const live = new LiveCars(entities);
const { terminal, app } = drawApp(live.session, live.store, columns, rows);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const times: number[] = [];
for (let frame = 0; frame < WARM_FRAMES + TIMED_FRAMES; frame++) {
  await sleep(GAP_MS);
  const start = performance.now();
  live.turn(CHANGED_PER_FRAME);
  const next = live.build();
  const written = terminal.bytes;
  live.store.set(next);
  // Ink paints at once when its last paint is more than 33 ms old; wait for the write otherwise.
  await terminal.written(written);
  if (frame >= WARM_FRAMES) times.push(terminal.lastWrite - start);
}
app.unmount();
process.stdout.write(`${JSON.stringify({ columns, rows, entities, times })}\n`);
