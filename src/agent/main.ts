/**
 * A run's own process: `node dist/agent.js`, started by the dashboard or the headless command
 * line, which watch it through two pipes. On fd 3 it sends the event stream (what the tracker
 * sees, what the program prints, the loop's samples, how the run ends); on fd 4 it takes
 * commands (load a --file module, run, act on an entity, step, speed, stop). Everything the
 * program does to its thread (spin, exit, replace a global, print raw bytes) stays here: the
 * watcher's screen runs in another process.
 */
import { writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { findScenario, loadBuiltin } from '../../scenarios/index.js';
import { LoopMonitor } from '../runtime/loop-monitor.js';
import type { LoadedScenario } from '../scenario.js';
import { settingsWith, type RunSettings } from '../settings.js';
import type { Command } from '../stream/events.js';
import { Commands } from './commands.js';
import { Emitter } from '../stream/emitter.js';
import { Freeze } from './freeze.js';
import { loadScenarioFile } from './load-file.js';
import { captureOutput } from './output-capture.js';
import { Run } from './runner.js';
import { systemReason } from '../text/system-error.js';

/**
 * Why a run that the loop ran out of work for never ended. Node itself exits then (an ESM
 * top-level await reports it as "unsettled", exit 13); asyncio would wait for ever.
 */
export const STALLED = 'it never ended: nothing was left to run, yet it still waited (on a promise nothing will settle)';

const EVENTS_FD = 3;
const COMMANDS_FD = 4;

const emitter = new Emitter(EVENTS_FD);
const commands = new Commands(COMMANDS_FD, watcherGone);
const freeze = new Freeze(emitter, commands);
let loaded: LoadedScenario | undefined;
let run: Run | undefined;
let flushOutput: (() => void) | undefined;
/** Handles of the stdout and stderr streams, made when first used: the process's, not the program's. */
const streamHandles: string[] = [];

emitter.control({ type: 'hello', pid: process.pid, epoch: performance.timeOrigin + performance.now() });
quietBrokenPipes();
commands.onCommand((command) => void handle(command));
process.on('exit', (code) => {
  flushOutput?.();
  emitter.control({ type: 'exit', t: run ? run.tracker.now() : 0, code });
});

async function handle(command: Command): Promise<void> {
  switch (command.type) {
    case 'load':
      return load(command.file);
    case 'run':
      return start(command.scenario, command.file, settingsWith(command.settings as Partial<RunSettings>), command.capture);
    case 'act':
      if (run) emitter.control({ type: 'acted', request: command.request, outcome: run.act(command.id, command.action) });
      return;
    case 'speed':
      run?.setSpeed(command.speed);
      return;
    case 'step-mode':
      freeze.enabled = command.on;
      return;
    case 'next':
      // Only a frozen program waits for it, and the freeze reads it itself.
      return;
    case 'stop':
      if (run) void run.stop(command.reason);
      else process.exit(0);
  }
}

/** Loads a --file module, and says what it is (or why it does not load). */
async function load(file: string): Promise<void> {
  try {
    loaded = await loadScenarioFile(file);
    const { run: _, ...info } = loaded;
    emitter.control({ type: 'loaded', info });
  } catch (error) {
    emitter.control({ type: 'load-error', message: error instanceof Error ? error.message : String(error) });
  }
}

async function start(id: string, file: string | undefined, settings: RunSettings, capture: boolean): Promise<void> {
  if (file !== undefined && loaded?.file === undefined) await load(file);
  const scenario = file !== undefined ? loaded : builtin(id);
  if (!scenario) {
    emitter.control({ type: 'load-error', message: `unknown scenario '${id}'` });
    return;
  }
  // Loop samples and a heartbeat are for a watcher that shows them; a transcript keeps the
  // program's loop free of timers of ours.
  const monitor = capture ? new LoopMonitor() : undefined;
  run = new Run(scenario, {
    settings,
    stepper: freeze,
    monitor,
    captureConsole: false,
    containFaults: false,
    ownResources: () => streamHandles,
    onFault: (text) => emitter.control({ type: 'fault', text }),
    tracker: {
      sink: emitter,
      // Settled entities are the watcher's to keep: here only what can still be acted on.
      retention: 64,
      logCapacity: 16,
      // Where the first entities were made, for the detail view (a few microseconds each).
      sites: 2000,
      // Without capture the program writes to the watcher's own stdout and stderr, and so do
      // the run's own lines (a never-awaited coroutine, what was left alive).
      onLog: capture ? undefined : (stream, text) => (stream === 'stdout' ? process.stdout : process.stderr).write(`${text}\n`),
    },
  });
  freeze.follow(run);
  // Headless, a program lives as long as under plain node. In the dashboard a person can still
  // settle what it waits for (f, x, c): the keys keep it alive.
  if (!settings.interactive) commands.unref();
  if (capture) flushOutput = captureOutput((stream, text) => run!.tracker.log(stream, text)).flush;
  if (monitor) {
    monitor.subscribe(() => {
      const v = monitor.getSnapshot();
      emitter.loop(run!.tracker.now(), v.lagMs, v.p99Ms, v.maxMs, v.utilization, v.blocked);
    });
    monitor.start();
  }
  emitter.control({ type: 'start', scenario: scenario.id, epoch: performance.timeOrigin + run.tracker.t0 });
  // The loop ran out of work while the run still waits: nothing can ever wake it (Node would
  // just exit; asyncio would wait for ever). Stop it, and say so.
  let stalled = false;
  process.once('beforeExit', () => {
    if (run?.finished) return;
    stalled = true;
    void run?.stop('stalled');
  });
  run.start();
  const done = await run.done;
  const result = stalled ? { ...done, status: 'failed' as const, ok: false, error: STALLED } : done;
  monitor?.stop();
  flushOutput?.();
  emitter.control({ type: 'end', t: run.tracker.now(), result });
  // The run is over: what it left was reported; the watcher ends this process's group.
  process.exit(0);
}

function builtin(id: string): LoadedScenario | undefined {
  const scenario = findScenario(id);
  return scenario ? loadBuiltin(scenario) : undefined;
}

/** The watcher went away (it closed our pipes): end this process and whatever it started. */
function watcherGone(): void {
  try {
    process.kill(-process.pid, 'SIGKILL');
  } catch {
    process.exit(1);
  }
}

/** Writes to a descriptor if it can: a failing stderr leaves the exit code to tell. */
function tryWrite(fd: number, text: string): void {
  try {
    writeSync(fd, text);
  } catch {
    // Nowhere left to say it.
  }
}

/**
 * A reader that stopped reading (`| head -3`) makes the program's next print fail with EPIPE:
 * under plain node an unhandled error, here the quiet end a program in a pipeline is expected to
 * have; any other failure to write the transcript (a full disk) ends it with one line and exit 1. The handler goes on each stream when the program first touches it, not before (a stream
 * made early would make the program's first print cheaper than under plain node, and with it
 * the order of its timers).
 */
function quietBrokenPipes(): void {
  for (const name of ['stdout', 'stderr'] as const) {
    const original = Object.getOwnPropertyDescriptor(process, name);
    if (!original?.get || !original.configurable) continue;
    let hooked = false;
    Object.defineProperty(process, name, {
      configurable: true,
      enumerable: original.enumerable ?? true,
      get() {
        const stream = original.get!.call(process) as NodeJS.WriteStream;
        if (!hooked) {
          hooked = true;
          stream.on('error', (error: NodeJS.ErrnoException) => {
            if (error.code === 'EPIPE') process.exit(0);
            // The transcript cannot be written (a full disk): one line says why, on stderr if it can.
            if (name === 'stdout') tryWrite(2, `loopscope: cannot write the transcript to stdout: ${systemReason(error)}\n`);
            emitter.control({ type: 'output-failed' });
            process.exit(1);
          });
          // Its handle is ours, not the program's: the run's leak count leaves it out.
          const handle = (stream as unknown as { _handle?: { constructor: { name: string } } })._handle;
          if (handle) streamHandles.push(`${handle.constructor.name}Wrap`);
        }
        return stream;
      },
    });
  }
}
