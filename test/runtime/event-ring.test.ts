import { describe, expect, it } from 'vitest';
import { EventRing } from '../../src/runtime/event-ring.js';

function contents(ring: EventRing): number[][] {
  const out: number[][] = [];
  for (let i = ring.oldest; i < ring.head; i++) out.push([ring.t(i), ring.code(i), ring.num(i), ring.ref(i) as number]);
  return out;
}

describe('EventRing', () => {
  it('keeps every event, in order, while it grows to its capacity', () => {
    const ring = new EventRing(5000);
    for (let i = 0; i < 5000; i++) ring.push(i / 2, i % 256, -i, i);
    expect(ring.oldest).toBe(0);
    const events = contents(ring);
    expect(events).toHaveLength(5000);
    expect(events.every(([t, code, num, ref], i) => t === i / 2 && code === i % 256 && num === -i && ref === i)).toBe(true);
  });

  it('past its capacity overwrites the oldest, and positions stay absolute', () => {
    const ring = new EventRing(1000);
    for (let i = 0; i < 2500; i++) ring.push(i, 1, i, i);
    expect(ring.head).toBe(2500);
    expect(ring.oldest).toBe(1500);
    expect(contents(ring).map((e) => e[3])).toEqual(Array.from({ length: 1000 }, (_, k) => 1500 + k));
  });

  it('a capacity smaller than its first size is never exceeded', () => {
    const ring = new EventRing(3);
    for (let i = 0; i < 7; i++) ring.push(i, 0, 0, i);
    expect(contents(ring).map((e) => e[3])).toEqual([4, 5, 6]);
  });
});

describe('EventRing capacities out of the ordinary', () => {
  it('keeps nothing with no capacity, and rounds a fractional one down', () => {
    const none = new EventRing(0);
    for (let i = 0; i < 3; i++) none.push(i, 0, 0, i);
    expect([none.head, none.oldest]).toEqual([3, 3]);
    const odd = new EventRing(300.5);
    for (let i = 0; i < 400; i++) odd.push(i, 0, 0, i);
    expect(odd.capacity).toBe(300);
    expect(contents(odd).map((e) => e[3])).toEqual(Array.from({ length: 300 }, (_, k) => 100 + k));
  });
});
