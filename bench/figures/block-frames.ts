import { atLeast, median, type Measure } from '../figure.js';
import { firstAfter, Probe } from '../probe.js';
import { ensureBuilt, TerminalRun } from '../terminal.js';

const SCENARIO = 'bench/workloads/block.ts';
const RUNS = 3;
const SIZES = [
  [160, 48],
  [80, 24],
] as const;

interface BlockRun {
  readonly fps: number;
  /** ms from the block's start to the first frame written after it began. */
  readonly firstFrame: number;
}

/**
 * A program that blocks its thread for 2 s (bench/workloads/block.ts, ctx.blockFor) in the
 * dashboard in a real terminal: the frames the dashboard process writes between the program
 * noting the block's start and its end (the bench's probe, one clock for both processes), per
 * second of the block. The program cannot send anything then: the screen keeps time itself.
 */
export const blockFrames: Measure = {
  names: ['block-frames'],
  async run() {
    await ensureBuilt();
    const runs = SIZES.map(() => [] as BlockRun[]);
    for (let i = 0; i < RUNS; i++) {
      for (const [at, [columns, rows]] of SIZES.entries()) runs[at]!.push(await blockOnce(columns, rows));
    }
    const medians = runs.map((r) => median(r.map((one) => one.fps)));
    const detail = SIZES.map(
      ([c, r], i) => `${c}x${r}: ${medians[i]!.toFixed(1)} fps (${runs[i]!.map((one) => one.fps.toFixed(1)).join(', ')}), first frame ${Math.round(median(runs[i]!.map((one) => one.firstFrame)))} ms into the block`,
    ).join('; ');
    return [
      atLeast(
        'block-frames',
        Math.min(...medians),
        'fps',
        5,
        `--file ${SCENARIO} in the dashboard (tmux, probe stamps): frames written while the program's thread is held for 2 s, from the program's own stamps of the block's start and end; ${detail}; median of ${RUNS} runs per size, the lower`,
      ),
    ];
  },
};

async function blockOnce(columns: number, rows: number): Promise<BlockRun> {
  const probe = await Probe.create();
  const run = await TerminalRun.start(columns, rows, `--lang en --file ${SCENARIO}`, probe.env);
  try {
    await probe.waitFor((e) => e.ev === 'block-end', 'the block to end', 30_000);
    await run.quit();
    const events = await probe.events();
    const start = events.find((e) => e.ev === 'block-start')!;
    const end = events.find((e) => e.ev === 'block-end')!;
    const frames = events.filter((e) => e.ev === 'frame' && e.t >= start.t && e.t <= end.t);
    const first = firstAfter(events, start.t, (e) => e.ev === 'frame');
    return { fps: frames.length / ((end.t - start.t) / 1000), firstFrame: (first?.t ?? end.t) - start.t };
  } finally {
    await run.close();
    await probe.close();
  }
}
