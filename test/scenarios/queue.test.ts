import { expect, test } from 'vitest';
import { loadBuiltin } from '../../scenarios/index.js';
import queue from '../../scenarios/queue.js';
import { expectEntities } from '../helpers/entities.js';
import { runScenario } from '../helpers/run-scenario.js';
import { expectStepsMapped } from '../helpers/scenario-checks.js';

const items = [1, 2].flatMap((p) => [1, 2, 3, 4, 5, 6].map((i) => `producer-${p}:${i}`));

test('fast producers wait on a full bounded queue while slow consumers catch up', async () => {
  const scenario = loadBuiltin(queue);
  const { out, snap, result, run } = await runScenario(scenario);
  const text = out.map((line) => line.replace(/^ *\d+ ms {2}/, ''));
  const at = (line: string) => Number(/^ *(\d+) ms/.exec(line)![1]);

  // Every item is put once and got once.
  for (const item of items) {
    expect(text.filter((l) => new RegExp(`^producer-\\d put ${item}( |$)`).test(l))).toHaveLength(1);
    expect(text.filter((l) => new RegExp(`^consumer-\\d got ${item} `).test(l))).toHaveLength(1);
  }
  // Backpressure: producers found the queue full, and each such wait ended with a put.
  const waits = text.flatMap((l, i) => (/^producer-\d waits: queue full \(3\/3\)$/.test(l) ? [i] : []));
  expect(waits.length).toBeGreaterThanOrEqual(2);
  for (const i of waits) {
    const name = text[i]!.split(' ')[0]!;
    const next = text.slice(i + 1).find((l) => l.startsWith(`${name} put`));
    expect(next).toMatch(/ after waiting \d+ ms$/);
  }
  // Unthrottled, 6 items at 20 ms each would be made in ~120 ms; the consumers' pace held them back.
  const producersDone = out.find((l) => l.includes('producers done'))!;
  expect(producersDone).toMatch(/producers done; they waited \d+ ms and \d+ ms on a full queue$/);
  expect(at(producersDone)).toBeGreaterThan(200);

  const tail = text.slice(-3);
  expect(tail[0]).toBe('every item handled (join returned)');
  expect(tail[1]).toBe('consumers handled 6 + 6 items');
  expect(tail[2]).toMatch(/^queue size every 40 ms: \d( \d)* \(max 3 of 3\)$/);
  expect(out.findIndex((l) => l.includes('join returned'))).toBeGreaterThan(Math.max(...items.map((item) => text.findIndex((l) => l.includes(`got ${item} `)))));
  const sizes = tail[2]!.replace(/^queue size every 40 ms: /, '').replace(/ \(.*$/, '').split(' ').map(Number);
  expect(Math.max(...sizes)).toBe(3);

  expectEntities(snap, [
    { name: 'consumer-1', kind: 'task', state: 'resolved', value: '6' },
    { name: 'consumer-2', kind: 'task', state: 'resolved', value: '6' },
    { name: 'producer-1', kind: 'task', state: 'resolved' },
    { name: 'producer-2', kind: 'task', state: 'resolved' },
  ]);
  expectStepsMapped(scenario, run);
  expect(result.ok).toBe(true);
  expect(result.leaks).toEqual([]);
});
