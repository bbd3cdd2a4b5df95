import { KINDS, STATES, WARNINGS } from '../runtime/states.js';
import type { ControlMessage, StreamEvent } from './events.js';

/**
 * The wire format of the event stream: frames of `[u32 length][events...]`, each event a tag byte
 * and its fields, little-endian. A busy run makes millions of state changes, so they travel as a
 * few bytes each (a structured clone or a JSON line would cost the run's own thread several times
 * more); the run's few control messages travel as JSON.
 */
const ENTITY = 1;
const STATE = 2;
const NAMED = 3;
const LOG = 4;
const STEP = 5;
const MARK = 6;
const LOOP = 7;
const CONTROL = 8;
const AWAIT = 9;
const WARN = 10;
const SITE = 11;
const TALLY = 12;

/** What a state event carries: its text, its shown forms, and which of those are its own. */
const TEXT = 1;
const SHOWN = 2;
const OWN_TS = 4;
const OWN_PY = 8;

/** Where a number of a default name goes in an entity's naming: a name string, or a u32. */
const NAMED_BY_STRING = 1;

/** Builds frames of events; `take()` hands the frame made so far and starts a new one. */
export class Encoder {
  #buf = Buffer.allocUnsafe(64 * 1024);
  #at = 4;

  /** Bytes of events waiting in the frame. */
  get size(): number {
    return this.#at - 4;
  }

  entity(seq: number, kind: number, naming: string | number, state: number, us: number, parent: string | undefined, detail: string | undefined): void {
    this.#room(32);
    this.#u8(ENTITY);
    this.#u32(seq);
    this.#u8(kind);
    this.#u8(state);
    this.#f64(us);
    if (typeof naming === 'string') {
      this.#u8(NAMED_BY_STRING);
      this.#str(naming);
    } else {
      this.#u8(0);
      this.#u32(naming);
    }
    this.#str(parent ?? '');
    this.#str(detail ?? '');
  }

  /** `ts` and `py` (a resolved value as each code view writes it) travel only where they differ from the text before. */
  state(seq: number, state: number, us: number, text: string | undefined, ts?: string, py?: string): void {
    this.#room(24);
    this.#u8(STATE);
    this.#u32(seq);
    this.#u8(state);
    this.#f64(us);
    const shown = ts !== undefined && py !== undefined;
    const ownTs = shown && ts !== text;
    const ownPy = shown && py !== ts;
    this.#u8((text === undefined ? 0 : TEXT) | (shown ? SHOWN : 0) | (ownTs ? OWN_TS : 0) | (ownPy ? OWN_PY : 0));
    if (text !== undefined) this.#str(text);
    if (ownTs) this.#str(ts);
    if (ownPy) this.#str(py);
  }

  named(seq: number, name: string, detail: string | undefined): void {
    this.#room(16);
    this.#u8(NAMED);
    this.#u32(seq);
    this.#str(name);
    this.#str(detail ?? '');
  }

  await(seq: number, target: number): void {
    this.#room(16);
    this.#u8(AWAIT);
    this.#u32(seq);
    this.#u32(target);
  }

  warn(seq: number, warning: number, ms: number): void {
    this.#room(16);
    this.#u8(WARN);
    this.#u32(seq);
    this.#u8(warning);
    this.#f64(ms);
  }

  site(seq: number, site: string): void {
    this.#room(16);
    this.#u8(SITE);
    this.#u32(seq);
    this.#str(site);
  }

  log(stream: 'stdout' | 'stderr', text: string, t: number): void {
    this.#room(16);
    this.#u8(LOG);
    this.#u8(stream === 'stdout' ? 1 : 2);
    this.#f64(t);
    this.#str(text);
  }

  step(label: string, line: number | undefined, t: number): void {
    this.#room(24);
    this.#u8(STEP);
    this.#f64(t);
    this.#i32(line ?? -1);
    this.#str(label);
  }

  mark(kind: 'blocked' | 'paused', start: number, end: number): void {
    this.#room(24);
    this.#u8(MARK);
    this.#u8(kind === 'blocked' ? 1 : 2);
    this.#f64(start);
    this.#f64(end);
  }

  loop(t: number, lagMs: number, p99Ms: number, maxMs: number, utilization: number, blocked: boolean): void {
    this.#room(48);
    this.#u8(LOOP);
    this.#f64(t);
    this.#f64(lagMs);
    this.#f64(p99Ms);
    this.#f64(maxMs);
    this.#f64(utilization);
    this.#u8(blocked ? 1 : 0);
  }

  tally(kind: number, state: number, count: number): void {
    this.#room(8);
    this.#u8(TALLY);
    this.#u8(kind);
    this.#u8(state);
    this.#u32(count);
  }

  control(message: ControlMessage): void {
    this.#room(8);
    this.#u8(CONTROL);
    this.#str(JSON.stringify(message));
  }

  /** The frame of the events so far (empty when there are none), and a fresh one begun. */
  take(): Buffer {
    if (this.#at === 4) return Buffer.alloc(0);
    this.#buf.writeUInt32LE(this.#at - 4, 0);
    const frame = Buffer.from(this.#buf.subarray(0, this.#at));
    this.#at = 4;
    return frame;
  }

  #room(bytes: number): void {
    if (this.#at + bytes <= this.#buf.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.#buf.length * 2, this.#at + bytes));
    this.#buf.copy(grown, 0, 0, this.#at);
    this.#buf = grown;
  }

  #u8(n: number): void {
    this.#buf[this.#at++] = n;
  }

  #u32(n: number): void {
    this.#buf.writeUInt32LE(n >>> 0, this.#at);
    this.#at += 4;
  }

  #i32(n: number): void {
    this.#buf.writeInt32LE(n | 0, this.#at);
    this.#at += 4;
  }

  #f64(n: number): void {
    this.#buf.writeDoubleLE(n, this.#at);
    this.#at += 8;
  }

  #str(text: string): void {
    // At most 3 bytes per UTF-16 unit: room first, the length written once known.
    this.#room(4 + text.length * 3);
    const bytes = this.#buf.write(text, this.#at + 4, 'utf8');
    this.#buf.writeUInt32LE(bytes, this.#at);
    this.#at += 4 + bytes;
  }
}

/** Reads frames from chunks as they come (a frame may span chunks) and hands out their events. */
export class Decoder {
  /** Empty frames read so far: each says the sender's loop turned (its heartbeat). */
  beats = 0;
  #pending: Buffer[] = [];
  #pendingBytes = 0;

  /** The events of every whole frame in what has arrived so far, in order. */
  *feed(chunk: Buffer): Generator<StreamEvent> {
    this.#pending.push(chunk);
    this.#pendingBytes += chunk.length;
    while (this.#pendingBytes >= 4) {
      const head = this.#peek(4);
      const length = head.readUInt32LE(0);
      if (this.#pendingBytes < 4 + length) return;
      const frame = this.#take(4 + length).subarray(4);
      if (length === 0) this.beats++;
      yield* decodeFrame(frame);
    }
  }

  /** Bytes that arrived but do not make a whole frame yet (a stream cut short leaves some). */
  get leftover(): number {
    return this.#pendingBytes;
  }

  #peek(bytes: number): Buffer {
    if (this.#pending[0]!.length >= bytes) return this.#pending[0]!;
    return Buffer.concat(this.#pending).subarray(0, bytes);
  }

  #take(bytes: number): Buffer {
    const all = this.#pending.length === 1 ? this.#pending[0]! : Buffer.concat(this.#pending);
    const taken = all.subarray(0, bytes);
    const rest = all.subarray(bytes);
    this.#pending = rest.length > 0 ? [rest] : [];
    this.#pendingBytes = rest.length;
    return taken;
  }
}

/** The events of one frame's payload. */
function* decodeFrame(buf: Buffer): Generator<StreamEvent> {
  let at = 0;
  const u8 = () => buf[at++]!;
  const u32 = () => {
    const n = buf.readUInt32LE(at);
    at += 4;
    return n;
  };
  const i32 = () => {
    const n = buf.readInt32LE(at);
    at += 4;
    return n;
  };
  const f64 = () => {
    const n = buf.readDoubleLE(at);
    at += 8;
    return n;
  };
  const str = () => {
    const bytes = u32();
    const text = buf.toString('utf8', at, at + bytes);
    at += bytes;
    return text;
  };
  const optional = (text: string) => (text === '' ? undefined : text);
  while (at < buf.length) {
    const tag = u8();
    switch (tag) {
      case ENTITY: {
        const seq = u32();
        const entity = KINDS[u8()]!;
        const state = STATES[u8()]!;
        const us = f64();
        const naming = u8() === NAMED_BY_STRING ? str() : u32();
        yield { kind: 'entity', seq, entity, naming, state, us, parent: optional(str()), detail: optional(str()) };
        break;
      }
      case STATE: {
        const seq = u32();
        const state = STATES[u8()]!;
        const us = f64();
        const has = u8();
        const text = has & TEXT ? str() : undefined;
        if (!(has & SHOWN)) {
          yield { kind: 'state', seq, state, us, text };
          break;
        }
        const ts = has & OWN_TS ? str() : text!;
        const py = has & OWN_PY ? str() : ts;
        yield { kind: 'state', seq, state, us, text, shown: { ts, py } };
        break;
      }
      case NAMED:
        yield { kind: 'named', seq: u32(), name: str(), detail: optional(str()) };
        break;
      case AWAIT:
        yield { kind: 'await', seq: u32(), target: u32() };
        break;
      case WARN:
        yield { kind: 'warn', seq: u32(), warning: WARNINGS[u8()]!, ms: f64() };
        break;
      case SITE:
        yield { kind: 'site', seq: u32(), site: str() };
        break;
      case LOG: {
        const stream = u8() === 1 ? 'stdout' : 'stderr';
        const t = f64();
        yield { kind: 'log', stream, t, text: str() };
        break;
      }
      case STEP: {
        const t = f64();
        const line = i32();
        yield { kind: 'step', t, line: line < 0 ? undefined : line, label: str() };
        break;
      }
      case MARK: {
        const mark = u8() === 1 ? 'blocked' : 'paused';
        yield { kind: 'mark', mark, start: f64(), end: f64() };
        break;
      }
      case LOOP:
        yield { kind: 'loop', t: f64(), lagMs: f64(), p99Ms: f64(), maxMs: f64(), utilization: f64(), blocked: u8() === 1 };
        break;
      case TALLY:
        yield { kind: 'tally', entity: KINDS[u8()]!, state: STATES[u8()]!, count: u32() };
        break;
      case CONTROL:
        yield { kind: 'control', message: JSON.parse(str()) as ControlMessage };
        break;
      default:
        throw new Error(`unknown event tag ${tag} in the stream`);
    }
  }
}
