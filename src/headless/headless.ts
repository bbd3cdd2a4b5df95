import { Run, type RunResult } from '../agent/runner.js';
import { summarize } from '../text/format.js';
import { LoopMonitor } from '../runtime/loop-monitor.js';
import type { RunSettings } from '../settings.js';
import type { TrackerEvent } from '../runtime/tracker.js';
import { localize, type LoadedScenario } from '../scenario.js';

/** Somewhere text can be written. */
export interface Sink {
  write(text: string): unknown;
}

export interface HeadlessOptions {
  readonly json: boolean;
  readonly settings: RunSettings;
  /**
   * Where the transcript goes. Passed as sinks rather than streams so that process.stdout is
   * first touched when the program prints: in plain node that first print also creates the
   * stream (a few ms), and libuv's clock, hence timer-vs-immediate order, depends on it.
   */
  readonly out: Sink;
  readonly err: Sink;
  /** Print a title line before each scenario (with --all). */
  readonly titles: boolean;
  /** Aborted when the output has gone away (a closed pipe): the run stops and no other starts. */
  readonly stop?: AbortSignal;
}

/**
 * Why a run that the loop ran out of work for never ended. Node itself exits then (an ESM
 * top-level await reports it as "unsettled", exit 13); asyncio would wait for ever.
 */
export const STALLED =
  'it never ended: nothing was left to run, yet it still waited (on a promise nothing will settle)';

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Runs scenarios one after another with no screen; returns the exit code (1 if any failed). */
export async function runHeadless(scenarios: readonly LoadedScenario[], options: HeadlessOptions): Promise<number> {
  // Only JSON output shows loop samples; the text transcript keeps the loop free of our timers.
  const monitor = new LoopMonitor();
  if (options.json) monitor.start();
  let failed = false;
  try {
    for (const scenario of scenarios) {
      if (options.stop?.aborted) break;
      const result = await runOne(scenario, options, monitor);
      if (!result.ok) failed = true;
    }
  } finally {
    monitor.stop();
  }
  // No one is reading any more: end quietly, as a program in a pipeline is expected to.
  if (options.stop?.aborted) return 0;
  return failed ? 1 : 0;
}

async function runOne(scenario: LoadedScenario, options: HeadlessOptions, monitor: LoopMonitor): Promise<RunResult> {
  const { out, err, json } = options;
  const write = (line: object) => out.write(`${JSON.stringify(line)}\n`);
  if (options.titles && !json) out.write(`\n== ${scenario.id}: ${localize(scenario.title, options.settings.lang)} ==\n`);
  monitor.reset();
  const run = new Run(scenario, {
    settings: options.settings,
    monitor: json ? monitor : undefined,
    // A transcript line is written the moment the program prints it, as plain node writes it;
    // JSON lines are written from the event log, where state changes interleave with prints.
    tracker: json ? { stateEvents: true } : { onLog: (stream, text) => (stream === 'stdout' ? out : err).write(`${text}\n`) },
  });
  let cursor = 0;
  const drain = () => {
    if (!json) return;
    const { events, next, dropped } = run.tracker.events(cursor);
    cursor = next;
    if (dropped > 0) write({ t: round(run.tracker.now()), type: 'dropped', events: dropped });
    for (const event of events) write(toJson(event));
  };
  const unsubscribe = run.tracker.subscribe(drain);
  const unsample = json
    ? monitor.subscribe(() => {
        const v = monitor.getSnapshot();
        drain();
        write({ t: round(run.tracker.now()), type: 'loop', lagMs: round(v.lagMs), utilization: Math.round(v.utilization * 100) / 100, p99Ms: round(v.p99Ms), maxMs: round(v.maxMs) });
      })
    : () => undefined;
  if (json) write({ t: round(run.tracker.now()), type: 'start', scenario: scenario.id });
  const stopped = () => void run.stop('the output was closed');
  options.stop?.addEventListener('abort', stopped);
  // The loop has nothing left to do while the run still waits: nothing can ever wake it.
  let stalled = false;
  const onStall = () => {
    stalled = true;
    void run.stop('stalled');
  };
  process.once('beforeExit', onStall);
  run.start();
  const done = await run.done;
  process.off('beforeExit', onStall);
  options.stop?.removeEventListener('abort', stopped);
  const result: RunResult = stalled ? { ...done, status: 'failed', ok: false, error: STALLED } : done;
  unsubscribe();
  unsample();
  drain();
  if (json) {
    write({
      t: round(run.tracker.now()),
      type: 'end',
      scenario: scenario.id,
      ok: result.ok,
      status: result.status,
      wallMs: round(result.wallMs),
      ...(result.error ? { error: result.error } : {}),
      leaks: result.leaks,
    });
  } else {
    const snap = run.tracker.snapshot();
    const mark = result.ok ? '✓' : '✗';
    const what = result.error ? `failed: ${result.error}` : result.status;
    const alive = result.leaks.length ? `left alive: ${summarize(result.leaks)}` : 'nothing left alive';
    err.write(`${mark} ${scenario.id} ${what} in ${Math.round(result.wallMs)} ms · ${snap.total} entities · ${alive}\n`);
  }
  return result;
}

/** A tracker event as a DESIGN §5 JSON line. */
export function toJson(event: TrackerEvent): object {
  const t = round(event.t);
  switch (event.type) {
    case 'state': {
      const e = event.entity;
      return {
        t,
        type: 'state',
        id: e.id,
        kind: e.kind,
        name: e.name,
        state: e.state,
        ...(e.value !== undefined ? { value: e.value } : {}),
        ...(e.error !== undefined ? { error: e.error } : {}),
        ...(e.parent !== undefined ? { parent: e.parent } : {}),
      };
    }
    case 'log':
      return { t, type: 'log', stream: event.stream, text: event.text };
    case 'step':
      return { t, type: 'step', label: event.label, ...(event.line !== undefined ? { line: event.line } : {}) };
    case 'mark':
      return { t, type: 'mark', kind: event.mark.kind, start: round(event.mark.start), end: round(event.mark.end) };
  }
}
