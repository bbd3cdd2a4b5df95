import { loadBuiltin } from '../../scenarios/index.js';
import threads from '../../scenarios/threads.js';
import { Run } from '../../src/runner.js';
import { atLeast, median, type Measure } from '../figure.js';

const RUNS = 3;
const SPEEDUP = /^speedup (\d+(?:\.\d+)?)x with (\d+) threads$/;

/** The threads scenario run headless, as a user runs it; its own printed speedup, median of runs. */
export const threadsSpeedup: Measure = {
  names: ['threads-speedup'],
  async run() {
    const speedups: number[] = [];
    let threadCount = 0;
    for (let i = 0; i < RUNS; i++) {
      const run = new Run(loadBuiltin(threads)).start();
      const result = await run.done;
      if (!result.ok) throw new Error(`the threads scenario failed: ${result.error}`);
      const line = run.tracker
        .events(0)
        .events.map((e) => (e.type === 'log' ? SPEEDUP.exec(e.text) : null))
        .find((m) => m !== null);
      if (!line) throw new Error('the threads scenario printed no "speedup Nx with N threads" line');
      speedups.push(Number(line[1]));
      threadCount = Number(line[2]);
    }
    return [
      atLeast(
        'threads-speedup',
        median(speedups),
        'x',
        1.8,
        `threads scenario headless: jobs on the main thread one after another vs a pool of ${threadCount} worker threads, thread start-up included; median of ${RUNS} runs`,
      ),
    ];
  },
};
