import { expect, test } from 'vitest';
import { atLeast, atMost, median } from '../bench/figure.js';

test('a figure carries its goal, whether it passed, and by how much it missed', () => {
  expect(atMost('ratio', 1.8765, 'x', 2)).toMatchObject({ value: 1.88, goal: '<= 2x', pass: true, shortfall: undefined });
  expect(atMost('rss', 165.4, 'MB', 150)).toMatchObject({ value: 165, goal: '<= 150 MB', pass: false, shortfall: '10% over' });
  expect(atLeast('rate', 700_000, 'tasks/s', 1_000_000)).toMatchObject({ goal: '>= 1000000 tasks/s', pass: false, shortfall: '30% short' });
  expect(atLeast('speedup', 1.8, 'x', 1.8)).toMatchObject({ pass: true });
});

test('median of odd and even counts, whatever the order', () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
});
