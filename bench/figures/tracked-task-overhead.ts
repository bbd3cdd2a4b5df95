import { Runtime } from '../../src/runtime/runtime.js';
import { Tracker } from '../../src/runtime/tracker.js';
import { atMost, median, type Measure } from '../figure.js';

const N = 20_000;
const ROUNDS = 9;
const WARMUP = 2;

/** A task that does one async step: it yields to the loop once, as a timer or a socket read would. */
const oneStep = async (i: number): Promise<number> => {
  await new Promise((resolve) => setImmediate(resolve));
  return i;
};

/** A body with no await at all: what is left is the tracking alone. */
const trivial = async (i: number): Promise<number> => i;

/**
 * Awaiting a tracked Task against awaiting the same async function's raw promise, one after
 * another, both in the same rounds; the ratio of each round, median over the rounds.
 */
export const trackedTaskOverhead: Measure = {
  names: ['tracked-task-overhead', 'tracked-task-overhead-trivial'],
  async run() {
    const step: number[] = [];
    const bare: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const stepRatio = await ratio(oneStep);
      const bareRatio = await ratio(trivial);
      if (round >= WARMUP) {
        step.push(stepRatio);
        bare.push(bareRatio);
      }
    }
    const rounds = `median of ${ROUNDS - WARMUP} rounds of ${N.toLocaleString('en')} sequential awaits`;
    return [
      atMost('tracked-task-overhead', median(step), 'x', 2, `body yields to the loop once (await setImmediate), as a task doing one async step; ${rounds}`),
      atMost('tracked-task-overhead-trivial', median(bare), 'x', 10, `body with no await (async i => i): tracking cost alone against a bare async call; ${rounds}`),
    ];
  },
};

async function ratio(body: (i: number) => Promise<number>): Promise<number> {
  const raw = await time(async () => {
    for (let i = 0; i < N; i++) await body(i);
  });
  const runtime = new Runtime(new Tracker());
  const tracked = await time(async () => {
    for (let i = 0; i < N; i++) await runtime.createTask(() => body(i));
  });
  return tracked / raw;
}

async function time(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
