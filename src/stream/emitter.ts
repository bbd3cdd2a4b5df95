import { writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { kindCode, stateCode, WARNINGS, type Kind, type State, type Warning } from '../runtime/states.js';
import type { EntityRecord, Mark, TrackerSink } from '../runtime/tracker.js';
import { Encoder } from './codec.js';
import type { ControlMessage } from './events.js';

/** How long events may wait before they are sent: the watcher hears of the run this often. */
const FLUSH_MS = 20;
/** A print or a step this long after the last send goes at once (see #soon). */
const SOON_MS = 5;
/** A frame this large is sent at once, from where it grew (a flood of events or prints). */
const FLUSH_BYTES = 256 * 1024;
/** A settled value or error longer than this is cut: the detail view wraps it, a novel it needs not. */
const TEXT_MAX = 8192;
/** How long to wait before writing again to a pipe that is full. */
const FULL_PIPE_WAIT_MS = 1;

const pause = new Int32Array(new SharedArrayBuffer(4));
/** A frame of no events: the heartbeat. */
const EMPTY_FRAME = Buffer.alloc(4);

function clip(text: string | undefined): string | undefined {
  return text !== undefined && text.length > TEXT_MAX ? `${text.slice(0, TEXT_MAX - 1)}…` : text;
}

export interface EmitterOptions {
  /**
   * Asked before each write: false once the descriptor may no longer be the stream's (its socket
   * was closed), so that a number the program's next file takes is never written to.
   */
  readonly open?: () => boolean;
  /**
   * Who sends the batches every FLUSH_MS: a timer of the emitter's own (the default), or the owner,
   * calling flush(true) from a callback of its own (see LoopMonitor's `beats`).
   */
  readonly beats?: 'timer' | 'owner';
  /** Called once the stream is closed (the watcher went away). */
  readonly onClose?: () => void;
}

/**
 * The run's end of the event stream: every change of the tracker, encoded as it happens and sent
 * in batches on the events pipe (or a traced program's socket). A write to a pipe the watcher is
 * slow to read waits for it: the program's reporting slows down, and no event is lost (the
 * watcher's `--json` says every one). Sending every FLUSH_MS is also the heartbeat the watcher
 * listens for: no batch for a while means the program holds its thread.
 */
export class Emitter implements TrackerSink {
  readonly #fd: number;
  readonly #options: EmitterOptions;
  readonly #encoder = new Encoder();
  readonly #timer: NodeJS.Timeout | undefined;
  #closed = false;
  #flushedAt = 0;

  constructor(fd: number, options: EmitterOptions = {}) {
    this.#fd = fd;
    this.#options = options;
    if ((options.beats ?? 'timer') === 'owner') return;
    this.#timer = setInterval(() => this.flush(true), FLUSH_MS);
    this.#timer.unref();
  }

  get closed(): boolean {
    return this.#closed;
  }

  entity(rec: EntityRecord): void {
    this.#encoder.entity(rec.seq, kindCode(rec.kind), rec.naming, stateCode(rec.state), rec.createdUs, rec.parent, rec.detail);
    this.#full();
  }

  state(rec: EntityRecord, us: number): void {
    const shown = rec.shown;
    this.#encoder.state(rec.seq, stateCode(rec.state), us, clip(rec.value ?? rec.error), clip(shown?.ts), clip(shown?.py));
    // Who runs is sent at once after a quiet spell: if its code now holds the thread, the
    // watcher knows whose block it is while it lasts.
    if (rec.state === 'running') this.#soon();
    else this.#full();
  }

  awaiting(rec: EntityRecord, target: EntityRecord): void {
    this.#encoder.await(rec.seq, target.seq);
  }

  warn(rec: EntityRecord, warning: Warning, ms: number): void {
    this.#encoder.warn(rec.seq, WARNINGS.indexOf(warning), ms);
  }

  site(rec: EntityRecord, site: string): void {
    this.#encoder.site(rec.seq, site);
  }

  named(rec: EntityRecord): void {
    this.#encoder.named(rec.seq, rec.name, rec.detail);
  }

  log(stream: 'stdout' | 'stderr', text: string, t: number): void {
    this.#encoder.log(stream, text, t);
    this.#soon();
  }

  step(label: string, line: number | undefined, t: number): void {
    this.#encoder.step(label, line, t);
    this.#soon();
  }

  mark(kind: Mark['kind'], start: number, end: number): void {
    this.#encoder.mark(kind, start, end);
  }

  tally(kind: Kind, state: State, count: number): void {
    this.#encoder.tally(kindCode(kind), stateCode(state), count);
  }

  loop(t: number, lagMs: number, p99Ms: number, maxMs: number, utilization: number, blocked: boolean): void {
    this.#encoder.loop(t, lagMs, p99Ms, maxMs, utilization, blocked);
  }

  /** A control message, sent at once (the watcher is waiting for it). */
  control(message: ControlMessage): void {
    this.#encoder.control(message);
    this.flush();
  }

  /**
   * Sends what is waiting, now; a full pipe makes this wait until the watcher reads. With
   * `beat` (from the timer, so the loop turned), an empty frame follows: the watcher hears the
   * thread is free. A frame sent from inside the program's code (one that filled up, a print
   * after a quiet spell) is no heartbeat: a program in an endless chain of jobs sends those,
   * and its loop never turns.
   */
  flush(beat = false): void {
    if (this.#closed) return;
    if (this.#options.open?.() === false) {
      this.close();
      return;
    }
    this.#flushedAt = performance.now();
    const frame = this.#encoder.take();
    if (frame.length > 0) this.#write(frame);
    if (beat) this.#write(EMPTY_FRAME);
  }

  #write(frame: Buffer): void {
    let at = 0;
    while (at < frame.length && !this.#closed) {
      try {
        at += writeSync(this.#fd, frame, at);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') {
          Atomics.wait(pause, 0, 0, FULL_PIPE_WAIT_MS);
          continue;
        }
        // The watcher is gone (EPIPE): nobody to tell any more.
        this.close();
      }
    }
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    this.#options.onClose?.();
  }

  #full(): void {
    if (this.#encoder.size >= FLUSH_BYTES) this.flush();
  }

  /**
   * A line or a step goes at once after a quiet spell, so a print just before the program holds
   * its thread (`console.log('spinning'); for (;;) {}`) is on screen while it spins; a flood of
   * them is still sent in batches.
   */
  #soon(): void {
    const now = performance.now();
    if (now - this.#flushedAt >= SOON_MS) this.flush();
    else this.#full();
  }
}
