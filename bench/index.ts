import { availableParallelism, loadavg } from 'node:os';
import type { Figure, Measure } from './figure.js';
import { blockFrames } from './figures/block-frames.js';
import { churn } from './figures/churn.js';
import { dashboardCpu } from './figures/dashboard-cpu.js';
import { filter } from './figures/filter.js';
import { firstFrame } from './figures/first-frame.js';
import { frame } from './figures/frame.js';
import { keys } from './figures/keys.js';
import { quitLatency } from './figures/quit.js';
import { rss } from './figures/rss.js';
import { streamChurn } from './figures/stream-churn.js';
import { switchLatency } from './figures/switch.js';
import { replaySeek } from './figures/replay-seek.js';
import { threadsSpeedup } from './figures/threads-speedup.js';
import { trackedTaskOverhead } from './figures/tracked-task-overhead.js';
import { traceOverhead } from './figures/trace-overhead.js';
import { wall } from './figures/wall.js';

/** Every measure, in the order the table prints its figures. */
const MEASURES: readonly Measure[] = [trackedTaskOverhead, churn, streamChurn, frame, filter, dashboardCpu, wall, firstFrame, keys, switchLatency, quitLatency, blockFrames, rss, threadsSpeedup, replaySeek, traceOverhead];

/** `--only a,b` runs the measures giving a figure whose name contains a or b. */
function selected(argv: readonly string[]): readonly Measure[] {
  const at = argv.indexOf('--only');
  if (at < 0) return MEASURES;
  const words = (argv[at + 1] ?? '').split(',').filter(Boolean);
  return MEASURES.filter((m) => m.names.some((name) => words.some((word) => name.includes(word))));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const figures: Figure[] = [];
  const load = loadavg()[0]!;
  const failed: string[] = [];
  for (const measure of selected(argv)) {
    let measured: readonly Figure[];
    try {
      measured = await measure.run();
    } catch (error) {
      // One workload that cannot finish (a screen that never came) must not lose the others' figures.
      const why = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
      failed.push(`${measure.names.join(', ')}: ${why}`);
      process.stderr.write(`could not measure ${measure.names.join(', ')}: ${why}\n`);
      continue;
    }
    figures.push(...measured);
    if (!json) for (const f of measured) process.stderr.write(`measured ${f.name}: ${f.value} ${f.unit} (goal ${f.goal}${f.reported ? '' : f.pass ? ', pass' : ', MISS'})\n`);
  }
  process.exitCode = failed.length > 0 ? 1 : 0;
  if (json) {
    process.stdout.write(`${JSON.stringify(figures.map(({ name, value, unit, goal, pass }) => ({ name, value, unit, goal, pass })))}\n`);
    return;
  }
  const rows = figures.map((f) => [f.name, `${f.value} ${f.unit}`, f.goal, f.reported ? 'reported' : f.pass ? 'pass' : `MISS, ${f.shortfall}`, f.note ?? '']);
  const head = ['figure', 'value', 'goal', '', 'how'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  process.stdout.write(`${[line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`);
  // Every timing depends on how busy the machine was: the table says so.
  process.stdout.write(`1-minute load average ${load.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores\n`);
  for (const line of failed) process.stdout.write(`not measured: ${line}\n`);
}

await main();
