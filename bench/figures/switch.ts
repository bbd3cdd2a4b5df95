import { atMost, median, type Figure, type Measure } from '../figure.js';
import { firstAfter, Probe, sleep, type ProbeEvent } from '../probe.js';
import { ensureBuilt, TerminalRun } from '../terminal.js';

/** → in a terminal: the next scenario. */
const RIGHT = '\u001B[C';
/** From seed, → twelve times visits every other built-in scenario once. */
const SWITCHES = 12;
/** Time for the spare process a switch starts to be up before the next: a person reading the screen. */
const GAP_MS = 1500;
const SIZES = [
  [160, 48],
  [80, 24],
] as const;

/** One switch, in ms after the dashboard read the key. */
interface Switch {
  /** The `run` command written to the process started ahead (the spare). */
  readonly command: number;
  /** How long starting the next spare held the dashboard's thread, before that command. */
  readonly spawn: number;
  /** The run's process writing its `start` message. */
  readonly sent: number;
  /** The new run's first entity or state event decoded by the dashboard: the figure. */
  readonly first: number;
  /** The next frame written after it. */
  readonly frame: number;
}

/**
 * The dashboard in a real terminal with the bench's probe (bench/probe/hook.ts) in its process and
 * in the runs' processes, all stamping on one clock: for each → (a scenario switch), from the
 * dashboard reading the key to it decoding the new run's first entity or state event from the run's
 * events pipe. Seed first, then → every GAP_MS through the twelve other scenarios, each size.
 */
export const switchLatency: Measure = {
  names: ['switch-latency'],
  async run() {
    await ensureBuilt();
    const bySize: Switch[][] = [];
    for (const [columns, rows] of SIZES) bySize.push(await switches(columns, rows));
    const medians = bySize.map((s) => median(s.map((one) => one.first)));
    const ms = (values: number[]) => Math.round(median(values));
    const detail = SIZES.map(([c, r], i) => {
      const s = bySize[i]!;
      return (
        `${c}x${r}: median ${Math.round(medians[i]!)} ms, worst ${Math.round(Math.max(...s.map((one) => one.first)))} ms ` +
        `(run command written ${ms(s.map((one) => one.command))} ms, of which starting the next spare ${ms(s.map((one) => one.spawn))} ms; ` +
        `start written by the run ${ms(s.map((one) => one.sent))} ms; next frame ${ms(s.map((one) => one.frame))} ms)`
      );
    }).join('; ');
    const figures: Figure[] = [
      atMost(
        'switch-latency',
        Math.max(...medians),
        'ms',
        100,
        `→ in the dashboard (tmux, probe stamps on one clock): key read by the dashboard → the new run's first entity/state event decoded from its pipe; ${SWITCHES} switches through every scenario, ${GAP_MS} ms apart, per size; ${detail}; medians, the larger`,
      ),
    ];
    return figures;
  },
};

async function switches(columns: number, rows: number): Promise<Switch[]> {
  const probe = await Probe.create();
  const run = await TerminalRun.start(columns, rows, '--lang en -s seed', probe.env);
  try {
    await run.firstFrame();
    // The first run started, and its spare is up.
    await sleep(GAP_MS);
    for (let i = 0; i < SWITCHES; i++) {
      run.terminal.keys('Right');
      await sleep(GAP_MS);
    }
    await run.quit();
    const events = await probe.events();
    const keys = events.filter((e) => e.ev === 'key' && e.text === RIGHT);
    if (keys.length !== SWITCHES) throw new Error(`the dashboard read ${keys.length} of ${SWITCHES} switch keys`);
    return keys.map((key) => measureSwitch(events, key));
  } finally {
    await run.close();
    await probe.close();
  }
}

function measureSwitch(events: readonly ProbeEvent[], key: ProbeEvent): Switch {
  const command = firstAfter(events, key.t, (e) => e.ev === 'command' && e.type === 'run');
  const child = command?.child;
  const spawn = firstAfter(events, key.t, (e) => e.ev === 'spawn');
  const sent = firstAfter(events, key.t, (e) => e.ev === 'sent-start' && e.pid === child);
  const first = firstAfter(events, key.t, (e) => e.ev === 'first' && e.child === child);
  const frame = first && firstAfter(events, first.t, (e) => e.ev === 'frame');
  if (!command || !sent || !first || !frame) throw new Error(`a switch at ${key.t} ms is missing from the probe's log`);
  return {
    command: command.t - key.t,
    // A switch with no spare to start (none taken) spent nothing on it.
    spawn: spawn && spawn.t <= command.t ? Number(spawn.ms) : 0,
    sent: sent.t - key.t,
    first: first.t - key.t,
    frame: frame.t - key.t,
  };
}
