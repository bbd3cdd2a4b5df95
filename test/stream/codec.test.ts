import { describe, expect, it } from 'vitest';
import { kindCode, stateCode, WARNINGS } from '../../src/runtime/states.js';
import { Decoder, Encoder } from '../../src/stream/codec.js';
import type { StreamEvent } from '../../src/stream/events.js';

/** Every kind of event, one each, as the run's process sends them. */
const EVENTS: StreamEvent[] = [
  { kind: 'entity', seq: 1, entity: 'task', naming: 3, state: 'pending', us: 1500, parent: undefined, detail: 'main' },
  { kind: 'entity', seq: 2, entity: 'future', naming: 'order', state: 'pending', us: 1600, parent: 't1', detail: undefined },
  { kind: 'state', seq: 1, state: 'waiting', us: 2000, text: undefined },
  { kind: 'await', seq: 1, target: 2 },
  { kind: 'warn', seq: 1, warning: 'blocked', ms: 312.5 },
  { kind: 'warn', seq: 2, warning: 'never-retrieved', ms: 0 },
  { kind: 'site', seq: 2, site: 'file:///app/main.mjs:12:5' },
  { kind: 'state', seq: 2, state: 'resolved', us: 9000, text: "'ñandú ✓'" },
  { kind: 'state', seq: 3, state: 'resolved', us: 9100, text: 'a,b', shown: { ts: "[ 'a', 'b' ]", py: "['a', 'b']" } },
  { kind: 'state', seq: 4, state: 'resolved', us: 9200, text: '42', shown: { ts: '42', py: '42' } },
  { kind: 'state', seq: 5, state: 'resolved', us: 9300, text: 'undefined', shown: { ts: 'undefined', py: 'None' } },
  { kind: 'named', seq: 1, name: 'renamed', detail: undefined },
  { kind: 'log', stream: 'stderr', text: 'line', t: 3.5 },
  { kind: 'step', label: 'make', line: 12, t: 4 },
  { kind: 'step', label: 'no line', line: undefined, t: 5 },
  { kind: 'mark', mark: 'blocked', start: 10, end: 320 },
  { kind: 'loop', t: 50, lagMs: 1.5, p99Ms: 3, maxMs: 310, utilization: 0.5, blocked: false },
  { kind: 'control', message: { type: 'exit', t: 400, code: 3 } },
];

function encodeAll(events: readonly StreamEvent[]): Buffer {
  const encoder = new Encoder();
  for (const e of events) {
    switch (e.kind) {
      case 'entity':
        encoder.entity(e.seq, kindCode(e.entity), e.naming, stateCode(e.state), e.us, e.parent, e.detail);
        break;
      case 'state':
        encoder.state(e.seq, stateCode(e.state), e.us, e.text, e.shown?.ts, e.shown?.py);
        break;
      case 'await':
        encoder.await(e.seq, e.target);
        break;
      case 'warn':
        encoder.warn(e.seq, WARNINGS.indexOf(e.warning), e.ms);
        break;
      case 'site':
        encoder.site(e.seq, e.site);
        break;
      case 'named':
        encoder.named(e.seq, e.name, e.detail);
        break;
      case 'log':
        encoder.log(e.stream, e.text, e.t);
        break;
      case 'step':
        encoder.step(e.label, e.line, e.t);
        break;
      case 'mark':
        encoder.mark(e.mark, e.start, e.end);
        break;
      case 'loop':
        encoder.loop(e.t, e.lagMs, e.p99Ms, e.maxMs, e.utilization, e.blocked);
        break;
      case 'control':
        encoder.control(e.message);
        break;
    }
  }
  return encoder.take();
}

describe('the event stream codec', () => {
  it('reads back every kind of event as it was written', () => {
    expect([...new Decoder().feed(encodeAll(EVENTS))]).toEqual(EVENTS);
  });

  it('waits for a frame cut across chunks, however it is cut', () => {
    const frame = encodeAll(EVENTS);
    for (const cut of [1, 3, 4, 5, 17, frame.length - 1]) {
      const decoder = new Decoder();
      const first = [...decoder.feed(frame.subarray(0, cut))];
      expect(first).toEqual([]);
      expect(decoder.leftover).toBe(cut);
      expect([...decoder.feed(frame.subarray(cut))]).toEqual(EVENTS);
      expect(decoder.leftover).toBe(0);
    }
  });
});
