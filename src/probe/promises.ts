import { executionAsyncId } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { inspect } from 'node:util';
import { promiseHooks } from 'node:v8';
import type { EntityRecord } from '../runtime/tracker.js';
import { creatorName, NODE_OWN } from './creator-name.js';
import type { Probe } from './probe.js';

/** Promises made between two ticks before they are sorted out at once (a loop of awaits never lets a tick run). */
const YOUNG_MAX = 4096;
/**
 * Time the program may spend naming promises per tick (20 ms): a name is a stack capture, a few
 * µs on a quiet machine and much more in a deep stack, so a flood gets numbers instead, at about
 * 1% of its time.
 */
const NAMING_MS_PER_TICK = 0.2;
const YOUNG = 0;
const SETTLED_YOUNG = -1;

/** A mark on a promise that only this module can see: a private field, added by a constructor that returns its argument. */
class Returns {
  constructor(target: object) {
    return target;
  }
}
class Marked extends Returns {
  #mark: number | EntityRecord;
  constructor(target: object, mark: number) {
    super(target);
    this.#mark = mark;
  }
  static get(target: object): number | EntityRecord | undefined {
    return #mark in target ? (target as Marked).#mark : undefined;
  }
  static set(target: object, mark: number | EntityRecord): void {
    (target as Marked).#mark = mark;
  }
}

const OUTCOME = { depth: 0, breakLength: Infinity, maxArrayLength: 4, maxStringLength: 120, customInspect: false } as const;

/**
 * The program's promises, from V8's promise hooks (init and settled only: they add no frame to
 * the program's stack traces, unlike async_hooks). Only promises made from nothing are watched
 * (an async function's, `new Promise`, `Promise.resolve`); the ones `then` and `await` chain to
 * them are part of those chains, and not shown. A promise still pending at the next tick is
 * shown; one settled by then is counted as settled, its outcome not looked at. A shown one's
 * outcome (resolved or rejected, and its value) is read once it settles, by `util.inspect`:
 * JavaScript has no other way to read a promise's state without handling it.
 */
export function watchPromises(probe: Probe): () => void {
  let young: Promise<unknown>[] = [];
  let youngUs: number[] = [];
  let youngContext: number[] = [];
  let youngNames: (string | undefined)[] = [];
  let naming = 0;
  /**
   * Until the program makes its first promise, every promise is named: Node's module loader makes
   * dozens as it loads the program, and those (Node's own) are left out.
   */
  let loading = true;
  /** Shown promises that settled since the last tick, and when. */
  let settled: [Promise<unknown>, number][] = [];

  const sort = () => {
    const promises = young;
    const us = youngUs;
    const contexts = youngContext;
    const given = youngNames;
    young = [];
    youngUs = [];
    youngContext = [];
    youngNames = [];
    let over = 0;
    for (let i = 0; i < promises.length; i++) {
      const promise = promises[i]!;
      if (Marked.get(promise) === SETTLED_YOUNG) {
        over++;
        continue;
      }
      const name = given[i] ?? probe.tracker.nextNumber('promise');
      Marked.set(promise, probe.tracker.adopt('promise', name, 'pending', us[i]!, probe.parentOf(contexts[i]!), undefined));
    }
    probe.count('promise', 'settled', over);
  };

  const settle = () => {
    const now = settled;
    settled = [];
    for (const entry of now) {
      const [promise, us] = entry;
      const rec = Marked.get(promise) as EntityRecord;
      const text = inspect(promise, OUTCOME);
      const body = text.slice(text.indexOf('{') + 1, text.lastIndexOf('}')).trim();
      if (body.startsWith('<pending>')) settled.push(entry);
      else if (body.startsWith('<rejected> ')) probe.tracker.mirrorState(rec, 'rejected', us, firstLine(body.slice(11)));
      else probe.tracker.mirrorState(rec, 'resolved', us, firstLine(body));
    }
  };

  function init(promise: Promise<unknown>, parent: unknown): void {
    if (parent !== undefined) return;
    let name: string | undefined;
    if (loading || naming < NAMING_MS_PER_TICK) {
      const start = performance.now();
      name = creatorName(init);
      // Leaving out the loader's promises is not the program's naming: it is not charged.
      if (!loading) naming += performance.now() - start;
      if (name === NODE_OWN) return;
      loading = false;
    }
    new Marked(promise, YOUNG);
    young.push(promise);
    youngUs.push(probe.nowUs());
    youngContext.push(executionAsyncId());
    youngNames.push(name);
    if (young.length >= YOUNG_MAX) sort();
  }

  function settledHook(promise: Promise<unknown>): void {
    const mark = Marked.get(promise);
    if (mark === YOUNG) Marked.set(promise, SETTLED_YOUNG);
    else if (mark !== undefined && mark !== SETTLED_YOUNG) settled.push([promise, probe.nowUs()]);
  }

  const stop = promiseHooks.createHook({ init, settled: settledHook });
  probe.onTick(() => {
    sort();
    settle();
    naming = 0;
  });
  return () => stop();
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}
