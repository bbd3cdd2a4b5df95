import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { atLeast, median, type Measure } from '../figure.js';
import { ensureBuilt, ROOT } from '../terminal.js';

const RUNS = 7;
const SPEEDUP = /^speedup (\d+(?:\.\d+)?)x with (\d+) threads; (\d+(?:\.\d+)?)x counting their start-up$/;
const STARTUP = /^starting \d+ worker threads and warming them up: (\d+) ms$/;
const JOBS = /^(\d+) jobs, each counting/;

/**
 * The threads scenario run headless as a user runs it (`node bin/loopscope.js`, the bundle, in a
 * fresh process each time): its own printed speedups (jobs on a warm pool, and counting the
 * threads' start-up), median of runs. Two threads need two free cores: the load average says how
 * free they were.
 */
export const threadsSpeedup: Measure = {
  names: ['threads-speedup', 'threads-speedup-with-start-up'],
  async run() {
    const warm: number[] = [];
    const cold: number[] = [];
    const startups: number[] = [];
    let threadCount = 0;
    let jobCount = 0;
    await ensureBuilt();
    const load = loadavg()[0]!;
    for (let i = 0; i < RUNS; i++) {
      const child = spawnSync(process.execPath, ['bin/loopscope.js', '--headless', '-s', 'threads'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
      if (child.status !== 0) throw new Error(`the threads scenario failed:\n${child.stderr}`);
      const lines = child.stdout.split('\n');
      const speedup = lines.map((l) => SPEEDUP.exec(l)).find((m) => m !== null);
      const startup = lines.map((l) => STARTUP.exec(l)).find((m) => m !== null);
      if (!speedup || !startup) throw new Error('the threads scenario printed no speedup or start-up line');
      warm.push(Number(speedup[1]));
      cold.push(Number(speedup[3]));
      startups.push(Number(startup[1]));
      threadCount = Number(speedup[2]);
      jobCount = Number(lines.map((l) => JOBS.exec(l)).find((m) => m !== null)?.[1] ?? 0);
    }
    const range = (values: number[]) => `${Math.min(...values)}-${Math.max(...values)}x`;
    const runs = `median of ${RUNS} runs; 1-minute load average ${load.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${threadCount} cores`;
    return [
      atLeast(
        'threads-speedup',
        median(warm),
        'x',
        1.8,
        `threads scenario headless: ${jobCount} CPU jobs on the main thread one after another vs on a pool of ${threadCount} worker threads, both warmed up by a small count first, thread start-up timed apart (median ${Math.round(median(startups))} ms); range ${range(warm)}, ${runs}`,
      ),
      atLeast(
        'threads-speedup-with-start-up',
        median(cold),
        'x',
        1.8,
        `the same runs with the threads' start-up and warm-up counted in the pool's time; range ${range(cold)}`,
      ),
    ];
  },
};
