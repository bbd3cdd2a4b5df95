import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers/cli.js';

/**
 * The runner must not disturb the loop's order: a program's nextTick / microtask / timer /
 * immediate / fs callbacks print exactly what plain node prints for the same code run from a
 * timer callback, run after run.
 */
describe('callback order of a --file program', () => {
  it.each([
    'test/fixtures/order.mjs',
    'test/fixtures/order-simple.mjs',
    'test/fixtures/order-nested-async.mjs',
    'test/fixtures/order-thenables.mjs',
    'test/fixtures/order-await-non-promise.mjs',
    'test/fixtures/order-ticks-and-chains.mjs',
    'test/fixtures/order-queue-microtask.mjs',
    'test/fixtures/order-io-callbacks.mjs',
    'test/fixtures/order-async-generators.mjs',
    'test/fixtures/order-promise-combinators.mjs',
    'test/fixtures/order-return-promise.mjs',
  ])('%s matches plain node, three runs out of three', (fixture) => {
    const plain = spawnSync(process.execPath, ['test/fixtures/plain-node.mjs', fixture], { cwd: ROOT, encoding: 'utf8' });
    expect(plain.stdout.split('\n').length).toBeGreaterThan(5);
    for (let i = 0; i < 3; i++) {
      const ours = cli(['--headless', '--file', fixture]);
      expect(ours.code).toBe(0);
      expect(ours.stdout, `run ${i}`).toBe(plain.stdout);
    }
  });
});
