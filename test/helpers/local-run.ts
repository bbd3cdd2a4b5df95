import { Run, type RunOptions } from '../../src/agent/runner.js';
import { Stepper } from '../../src/agent/stepper.js';
import type { Action, RunHandle, RunRequest } from '../../src/observer/run-handle.js';
import { LoopMonitor } from '../../src/runtime/loop-monitor.js';
import type { LoadedScenario } from '../../src/scenario.js';
import type { ActOutcome, RunEnd, ScenarioInfo } from '../../src/stream/events.js';

/** The run before, until it is over: runs sharing this process must not overlap. */
let previous: Promise<unknown> = Promise.resolve();

/**
 * A run in this very process, as the dashboard sees a run: for tests of the session, the store
 * and the components that need a run without starting a process (the real one, a RunClient, is
 * tested through the binary). Runs here wait for the one before to be over, as they share a loop.
 */
export class LocalRun implements RunHandle {
  readonly run: Run;
  readonly stepper = new Stepper();
  readonly #monitor = new LoopMonitor();

  constructor(scenario: ScenarioInfo, request: RunRequest, options: RunOptions = {}) {
    this.stepper.enabled = request.stepMode;
    this.run = new Run(scenario as LoadedScenario, { settings: request.settings, stepper: this.stepper, monitor: this.#monitor, ...options });
    const loop = request.loop;
    this.#monitor.subscribe(() => {
      const v = this.#monitor.getSnapshot();
      loop.sample(v.lagMs, v.p99Ms, v.maxMs, v.utilization, v.blocked, v.sampledAt);
    });
    this.#monitor.onBlock((start, end) => loop.block(start, end));
    const ready = previous;
    previous = this.run.done;
    void ready.then(() => {
      this.#monitor.start();
      this.run.start();
    });
    void this.run.done.then(() => this.#monitor.stop());
  }

  get scenario(): ScenarioInfo {
    return this.run.scenario;
  }

  get tracker() {
    return this.run.tracker;
  }

  get done(): Promise<RunEnd> {
    return this.run.done;
  }

  get finished(): boolean {
    return this.run.finished;
  }

  get pausedAt(): string | undefined {
    return this.stepper.pausedAt;
  }

  blockedSince(): number | undefined {
    // The run shares this thread: while it is blocked, nothing here runs to ask.
    return undefined;
  }

  subscribe(listener: () => void): () => void {
    return this.stepper.subscribe(listener);
  }

  stop(reason: string): Promise<RunEnd> {
    return this.run.stop(reason);
  }

  setSpeed(speed: number): void {
    this.run.setSpeed(speed);
  }

  setStepMode(on: boolean): void {
    this.stepper.enabled = on;
  }

  next(): void {
    this.stepper.next();
  }

  act(id: string, action: Action): Promise<ActOutcome> {
    return Promise.resolve(this.run.act(id, action));
  }
}

/** A session's createRun that makes LocalRuns, each with these run options. */
export function localRuns(options: RunOptions = {}): (scenario: ScenarioInfo, request: RunRequest) => LocalRun {
  return (scenario, request) => new LocalRun(scenario, request, { settleMs: 0, ...options });
}
