import { performance } from 'node:perf_hooks';
import type { RunHandle } from '../observer/run-handle.js';
import type { Session } from './session.js';

/**
 * The hands-free tour of `--autoplay`: from the scenario shown first, each scenario in key order
 * stays on screen for the same time, then the next one starts; after the last, `onEnd`.
 *
 * The time on screen is fixed, whatever the run does: it is the viewer's time to read the
 * explanation, so a run that ends sooner stays on screen in its final state, and one still going
 * is stopped as the next one starts (as a key switch stops it). A recording then lasts about
 * `seconds` per scenario. The time counts from the start of each run, so a person who switches
 * or reruns by key restarts it; keys work as usual during the tour.
 */
export class Tour {
  readonly #session: Session;
  readonly #ms: number;
  readonly #onEnd: () => void;
  #run: RunHandle | undefined;
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe: (() => void) | undefined;

  /** From now on the screen is laid out for a tour (its first frame too); start() starts the clock. */
  constructor(session: Session, seconds: number, onEnd: () => void) {
    this.#session = session;
    this.#ms = seconds * 1000;
    this.#onEnd = onEnd;
    session.setTour({ since: performance.now(), ms: this.#ms });
  }

  start(): void {
    this.#unsubscribe ??= this.#session.subscribe(this.#follow);
    this.#follow();
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #follow = (): void => {
    const run = this.#session.run;
    if (!run || run === this.#run) return;
    this.#run = run;
    clearTimeout(this.#timer);
    // Unref'd: the runner counts the handles a run leaves alive, and this timer is not the run's.
    this.#timer = setTimeout(this.#next, this.#ms).unref();
    this.#session.setTour({ since: performance.now(), ms: this.#ms });
  };

  #next = (): void => {
    const next = this.#session.state.index + 1;
    if (next < this.#session.scenarios.length) {
      this.#session.select(next);
      return;
    }
    this.stop();
    this.#onEnd();
  };
}
