import { AgentProcess, type Output } from './agent-process.js';

/**
 * One run's process started ahead, so a key starts the next run without waiting for a process
 * to start. Taking it leaves none: the owner warms the next once it has told the taken one to run,
 * so that starting a process does not delay the run's start.
 */
export class Spares {
  #next: AgentProcess | undefined;
  #closed = false;

  constructor(private readonly output: Output) {}

  /** A process for the next run: the spare, when there is one. */
  take(): AgentProcess {
    const taken = this.#next ?? new AgentProcess(this.output);
    this.#next = undefined;
    return taken;
  }

  /** Starts the spare now, if there is none yet: the first switch then finds it ready. */
  warm(): void {
    if (!this.#closed) this.#next ??= new AgentProcess(this.output);
  }

  /** Ends the spare at once (it runs nothing, so it has nothing to wind down): no run will take it. */
  async close(): Promise<void> {
    this.#closed = true;
    const spare = this.#next;
    this.#next = undefined;
    await spare?.end('no run', { ask: false });
  }
}
