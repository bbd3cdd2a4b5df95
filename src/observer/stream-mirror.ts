import { Tracker, type EntityRecord, type TrackerOptions } from '../runtime/tracker.js';
import type { RunEnd, StreamEvent } from '../stream/events.js';
import type { LoopMirror } from './run-handle.js';

/**
 * A run's tracker rebuilt from its event stream: what a live run's process sends (RunClient) and
 * what a saved stream plays back (ReplayRun) go through the same steps, so both show the same.
 * The run's own control messages that change what is shown (a step pause, a fault, the end) are
 * kept here; the ones about the process (start, acted, hello) are the caller's.
 */
export class StreamMirror {
  readonly tracker: Tracker;
  /** The step the program was frozen at (step mode), until it resumed or ended. */
  pausedAt: string | undefined;
  /** The first fault or load error the run reported. */
  fault: string | undefined;
  /** The exit code its process announced (a program's own process.exit among them). */
  exitCode: number | undefined;
  /** How the run ended, once its end came. */
  ended: RunEnd | undefined;
  readonly #gauge: () => LoopMirror | undefined;
  /** Every entity by seq while it lives here (settled ones fold away as the tracker folds them). */
  readonly #bySeq = new Map<number, EntityRecord>();

  /**
   * `gauge` gives the loop gauge while this run is the one it shows (undefined once another took
   * the screen). A tracker made here keeps each entity's history, for the lanes.
   */
  constructor(tracker: Tracker | TrackerOptions | undefined, gauge: () => LoopMirror | undefined) {
    this.tracker = tracker instanceof Tracker ? tracker : new Tracker({ history: true, ...tracker });
    this.#gauge = gauge;
  }

  /** Takes one event in; returns the mirrored entity it was about, if any. */
  apply(event: StreamEvent): EntityRecord | undefined {
    let entity: EntityRecord | undefined;
    switch (event.kind) {
      case 'entity':
        entity = this.tracker.mirrorEntity(event.seq, event.entity, event.naming, event.state, event.us, event.parent, event.detail);
        this.#bySeq.set(event.seq, entity);
        break;
      case 'state':
        entity = this.#bySeq.get(event.seq);
        if (entity) {
          this.tracker.mirrorState(entity, event.state, event.us, event.text, event.shown);
          if (entity.settleOrder >= 0) this.#bySeq.delete(event.seq);
        }
        break;
      case 'named':
        entity = this.#bySeq.get(event.seq);
        if (entity) {
          if (entity.name !== event.name) this.tracker.rename(entity, event.name);
          if (event.detail !== undefined && entity.detail !== event.detail) this.tracker.describe(entity, event.detail);
        }
        break;
      case 'await':
        entity = this.#bySeq.get(event.seq);
        if (entity) this.tracker.mirrorAwaiting(entity, this.#bySeq.get(event.target)?.id);
        break;
      case 'warn':
        entity = this.#bySeq.get(event.seq) ?? this.tracker.find(event.seq);
        if (entity) this.tracker.warn(entity, event.warning, event.ms);
        break;
      case 'site':
        entity = this.#bySeq.get(event.seq);
        if (entity) this.tracker.site(entity, event.site);
        break;
      case 'log':
        this.tracker.log(event.stream, event.text, event.t);
        break;
      case 'step':
        this.tracker.step(event.label, event.line, event.t);
        break;
      case 'mark':
        this.tracker.mark(event.mark, event.start, event.end);
        if (event.mark === 'blocked') this.#gauge()?.block(this.tracker.t0 + event.start, this.tracker.t0 + event.end);
        break;
      case 'tally':
        this.tracker.tally(event.entity, event.state, event.count);
        break;
      case 'loop':
        this.#gauge()?.sample(event.lagMs, event.p99Ms, event.maxMs, event.utilization, event.blocked, this.tracker.t0 + event.t);
        break;
      case 'control':
        this.#control(event.message);
        break;
    }
    return entity;
  }

  #control(message: Extract<StreamEvent, { kind: 'control' }>['message']): void {
    switch (message.type) {
      case 'paused':
        this.pausedAt = message.label;
        break;
      case 'resumed':
        this.pausedAt = undefined;
        break;
      case 'fault':
        this.fault ??= message.text;
        break;
      case 'load-error':
        this.tracker.log('stderr', message.message);
        this.fault ??= message.message;
        break;
      case 'exit':
        this.exitCode = message.code;
        break;
      case 'end':
        // The program ended its own process (process.exit) before the run could: the console
        // says so, as a shell would. A line of the screen's, not of the program's output.
        if (this.ended === undefined && this.exitCode !== undefined && message.result.status !== 'stopped') {
          this.tracker.log('stderr', `process exited with code ${this.exitCode}`, message.t);
        }
        this.ended ??= message.result;
        this.pausedAt = undefined;
        break;
      case 'start':
      case 'hello':
      case 'loaded':
      case 'acted':
      case 'output-failed':
        break;
    }
  }
}
