import type { Commands } from './commands.js';
import type { Emitter } from '../stream/emitter.js';
import type { Run, StepGate } from './runner.js';

/**
 * Step mode as a breakpoint: at a `ctx.step`, the program's thread is held (as a debugger holds
 * it) until the watcher says `next`, so nothing of the program runs meanwhile, its own timers and
 * callbacks included, and it prints the same lines in the same order as without step mode. The
 * run's clock leaves the held time out, so sleeps keep the time they had left.
 */
export class Freeze implements StepGate {
  enabled = false;
  #pausedAt: string | undefined;
  #run: Run | undefined;

  constructor(
    private readonly emitter: Emitter,
    private readonly commands: Commands,
  ) {}

  get pausedAt(): string | undefined {
    return this.#pausedAt;
  }

  /** The run whose steps this holds. */
  follow(run: Run): void {
    this.#run = run;
  }

  wait(label: string): undefined {
    const run = this.#run;
    if (!this.enabled || !run) return undefined;
    const tracker = run.tracker;
    const start = tracker.now();
    this.#pausedAt = label;
    this.emitter.control({ type: 'paused', label, t: start });
    let stop: string | undefined;
    this.commands.holdUntil((command) => {
      if (command.type === 'next') return true;
      if (command.type === 'step-mode' && !command.on) {
        this.enabled = false;
        return true;
      }
      if (command.type === 'stop') {
        stop = command.reason;
        return true;
      }
      if (command.type === 'speed') run.setSpeed(command.speed);
      return false;
    });
    const end = tracker.now();
    this.#pausedAt = undefined;
    run.runtime.clock.hold(end - start);
    tracker.mark('paused', start, end);
    this.emitter.control({ type: 'resumed', t: end });
    if (stop !== undefined) void run.stop(stop);
    return undefined;
  }

  next(): void {
    // A held program takes `next` from the pipe itself (see wait); there is nothing to release here.
  }
}
