import { basename, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EntityRecord, Tracker } from '../runtime/tracker.js';
import type { LoopEvent, StreamEvent } from '../stream/events.js';

/** The hello a traced process opens its stream with. */
export interface Hello {
  readonly pid: number;
  readonly ppid: number | undefined;
  readonly argv: readonly string[];
  /** Wall-clock ms of its t = 0. */
  readonly epoch: number;
}

/** Loop samples kept per process, so the gauge can show another one's recent past at once. */
const SAMPLES_KEPT = 60;

/** The number in a public id (`sv12` → 12). */
const seqOf = (id: string) => Number(id.replace(/^[a-z]+/, ''));

/** A process's command line as a person reads it: `node app.mjs --port 3000`, paths relative where shorter. */
export function commandLine(argv: readonly string[], cwd = process.cwd()): string {
  const short = (arg: string) => {
    if (!arg.startsWith('/')) return arg;
    const near = relative(cwd, arg);
    return near.length < arg.length ? near : arg;
  };
  return [argv[0] === undefined ? '' : basename(argv[0]), ...argv.slice(1).map(short)].join(' ');
}

/**
 * One Node process of a traced command, mirrored into the run's one tracker: its own entity (a
 * process, under the process that started it when that one is traced too), and under it what its
 * probe shows, renumbered into the run's ids; its times moved onto the run's clock.
 */
export class TracedProcess {
  readonly hello: Hello;
  readonly rec: EntityRecord;
  /** performance.now() when it was last heard from (its probe sends every 20 ms while its loop turns). */
  lastHeard = performance.now();
  /** Its exit code, once it said (at its 'exit' event). */
  exitCode: number | undefined;
  /** Its newest loop samples, oldest first. */
  readonly samples: LoopEvent[] = [];
  readonly #tracker: Tracker;
  /** Its entities by their seq in its own process, while they live. */
  readonly #bySeq = new Map<number, EntityRecord>();
  /** From its clock to the run's: microseconds to add. */
  readonly #offsetUs: number;

  constructor(tracker: Tracker, hello: Hello, parent: TracedProcess | undefined) {
    this.#tracker = tracker;
    this.hello = hello;
    this.#offsetUs = Math.round((hello.epoch - performance.timeOrigin - tracker.t0) * 1000);
    this.rec = tracker.adopt('process', commandLine(hello.argv), 'running', Math.max(0, this.#offsetUs), parent?.rec.id, `pid ${hello.pid}`);
  }

  /**
   * Takes in one event of its stream; returns it on the run's clock (as `--json` tells it), with
   * the entity it was about.
   */
  apply(event: StreamEvent): { event: StreamEvent; entity: EntityRecord | undefined } {
    this.lastHeard = performance.now();
    const tracker = this.#tracker;
    switch (event.kind) {
      case 'entity': {
        const us = event.us + this.#offsetUs;
        const parent = (event.parent === undefined ? undefined : this.#bySeq.get(seqOf(event.parent))) ?? this.rec;
        const entity = tracker.adopt(event.entity, event.naming, event.state, us, parent.id, event.detail);
        this.#bySeq.set(event.seq, entity);
        return { event: { ...event, us }, entity };
      }
      case 'state': {
        const us = event.us + this.#offsetUs;
        const entity = this.#bySeq.get(event.seq);
        if (entity) {
          tracker.mirrorState(entity, event.state, us, event.text, event.shown);
          if (entity.settleOrder >= 0) this.#bySeq.delete(event.seq);
        }
        return { event: { ...event, us }, entity };
      }
      case 'named': {
        const entity = this.#bySeq.get(event.seq);
        if (entity && entity.name !== event.name) tracker.rename(entity, event.name);
        if (entity && event.detail !== undefined && entity.detail !== event.detail) tracker.describe(entity, event.detail);
        return { event, entity };
      }
      case 'await': {
        const entity = this.#bySeq.get(event.seq);
        if (entity) tracker.mirrorAwaiting(entity, this.#bySeq.get(event.target)?.id);
        return { event, entity };
      }
      case 'warn': {
        const entity = this.#bySeq.get(event.seq);
        if (entity) tracker.warn(entity, event.warning, event.ms);
        return { event, entity };
      }
      case 'site': {
        const entity = this.#bySeq.get(event.seq);
        if (entity) tracker.site(entity, event.site);
        return { event, entity };
      }
      case 'tally':
        tracker.tally(event.entity, event.state, event.count);
        return { event, entity: undefined };
      case 'mark': {
        const offset = this.#offsetUs / 1000;
        tracker.mark(event.mark, event.start + offset, event.end + offset);
        return { event: { ...event, start: event.start + offset, end: event.end + offset }, entity: undefined };
      }
      case 'loop': {
        const sample = { ...event, t: event.t + this.#offsetUs / 1000 };
        this.samples.push(sample);
        if (this.samples.length > SAMPLES_KEPT) this.samples.shift();
        return { event: sample, entity: undefined };
      }
      case 'log':
        return { event: { ...event, t: event.t + this.#offsetUs / 1000 }, entity: undefined };
      case 'step':
        return { event, entity: undefined };
      case 'control': {
        const message = event.message;
        if (message.type === 'exit') {
          this.exitCode = message.code;
          return { event: { kind: 'control', message: { ...message, t: message.t + this.#offsetUs / 1000 } }, entity: this.rec };
        }
        return { event, entity: undefined };
      }
    }
  }

  /** Its stream closed: the process is gone, as its exit code says (none said: it was killed). */
  ended(): void {
    const us = Math.round(this.#tracker.now() * 1000);
    const code = this.exitCode;
    if (code === undefined) this.#tracker.mirrorState(this.rec, 'rejected', us, 'gone without exiting (killed by a signal?)');
    else this.#tracker.mirrorState(this.rec, code === 0 ? 'resolved' : 'rejected', us, `exit code ${code}`);
  }
}
