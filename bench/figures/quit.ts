import { atMost, median, type Measure } from '../figure.js';
import { firstAfter, Probe, sleep } from '../probe.js';
import { ensureBuilt, TerminalRun } from '../terminal.js';

const SCENARIO = 'bench/workloads/spin.ts';
const RUNS = 5;
/** How long the program spins before q: the dashboard shows the block by then. */
const SPIN_MS = 1000;
const COLUMNS = 160;
const ROWS = 48;

/**
 * q in the dashboard while the run's program spins in `for (;;) {}` (bench/workloads/spin.ts), so
 * it cannot hear the stop command and only the signals end it: from the dashboard process reading
 * q to that process exiting (its `exit` event), both stamped by the bench's probe on one clock.
 */
export const quitLatency: Measure = {
  names: ['quit-latency-busy'],
  async run() {
    await ensureBuilt();
    const times: number[] = [];
    const stops: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { total, stop } = await quitOnce();
      times.push(total);
      stops.push(stop);
    }
    return [
      atMost(
        'quit-latency-busy',
        median(times),
        'ms',
        300,
        `q while the program spins in for (;;) {} (--file ${SCENARIO}, ${COLUMNS}x${ROWS}, tmux, probe stamps): q read by the dashboard → its process's exit event; median of ${RUNS} starts (${times.map(Math.round).join(', ')} ms; the stop command written ${Math.round(median(stops))} ms after q, then SIGTERM at 120 ms, SIGKILL 100 ms later if need be)`,
      ),
    ];
  },
};

async function quitOnce(): Promise<{ total: number; stop: number }> {
  const probe = await Probe.create();
  const run = await TerminalRun.start(COLUMNS, ROWS, `--lang en --file ${SCENARIO}`, probe.env);
  try {
    await probe.waitFor((e) => e.ev === 'spin', 'the program to spin', 30_000);
    await sleep(SPIN_MS);
    if (!run.terminal.screen().includes('blocked')) throw new Error(`the dashboard does not show the spin as a block:\n${run.terminal.screen()}`);
    await run.quit();
    const events = await probe.events();
    const q = events.find((e) => e.ev === 'key' && e.text === 'q');
    const exit = q && firstAfter(events, q.t, (e) => e.ev === 'exit' && e.role === 'dashboard');
    const stop = q && firstAfter(events, q.t, (e) => e.ev === 'command' && e.type === 'stop');
    if (!q || !exit || !stop) throw new Error("the probe's log lacks q, the stop command or the dashboard's exit");
    return { total: exit.t - q.t, stop: stop.t - q.t };
  } finally {
    await run.close();
    await probe.close();
  }
}
