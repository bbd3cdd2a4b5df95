import { describe, expect, it } from 'vitest';
import { shownValue } from '../../src/runtime/repr.js';

describe('a value as each code view writes it', () => {
  it('stays on one line in TypeScript, however many items it has (a table cell has one line)', () => {
    expect(shownValue(new Array(10).fill(undefined)).ts).toBe(`[ ${new Array(10).fill('undefined').join(', ')} ]`);
    expect(shownValue(Array.from({ length: 30 }, (_, i) => i)).ts).not.toContain('\n');
    expect(shownValue(['a', 'b'])).toEqual({ ts: "[ 'a', 'b' ]", py: "['a', 'b']" });
    expect(shownValue(undefined)).toEqual({ ts: 'undefined', py: 'None' });
  });
});
