import { describe, expect, it } from 'vitest';
import { commandFor, commandsFor, footerHints, keyHelpRows, KEYS } from '../src/view/keys.js';

describe('key table', () => {
  it('maps each key of DESIGN §6 to its command', () => {
    const cases: [string, object, string, number?][] = [
      ['1', {}, 'scenario', 0],
      ['9', {}, 'scenario', 8],
      ['', { rightArrow: true }, 'nextScenario'],
      ['', { leftArrow: true }, 'prevScenario'],
      ['', { tab: true }, 'nextScenario'],
      ['', { tab: true, shift: true }, 'prevScenario'],
      ['r', {}, 'rerun'],
      [' ', {}, 'stepMode'],
      ['n', {}, 'nextStep'],
      ['', { upArrow: true }, 'up'],
      ['k', {}, 'up'],
      ['', { downArrow: true }, 'down'],
      ['j', {}, 'down'],
      ['c', {}, 'cancel'],
      ['f', {}, 'resolve'],
      ['x', {}, 'reject'],
      ['+', {}, 'faster'],
      ['-', {}, 'slower'],
      ['p', {}, 'code'],
      ['l', {}, 'lang'],
      ['?', {}, 'help'],
      ['', { escape: true }, 'back'],
      ['/', {}, 'filter'],
      ['s', {}, 'sort'],
      ['S', {}, 'reverseSort'],
      ['\r', { return: true }, 'details'],
      ['t', {}, 'tree'],
      ['o', {}, 'console'],
      ['', { pageUp: true }, 'pageUp'],
      ['', { pageDown: true }, 'pageDown'],
      ['', { home: true }, 'first'],
      ['', { end: true }, 'last'],
      ['g', {}, 'first'],
      ['G', {}, 'last'],
      ['q', {}, 'quit'],
      ['c', { ctrl: true }, 'quit'],
    ];
    for (const [input, key, command, index] of cases) {
      const found = commandFor(input, key);
      expect(found?.command, `${JSON.stringify(input)} ${JSON.stringify(key)}`).toBe(command);
      if (index !== undefined) expect(found?.index).toBe(index);
    }
  });

  it('ignores keys it does not know, and Ctrl chords other than Ctrl+C', () => {
    expect(commandFor('0', {})).toBeUndefined();
    expect(commandFor('z', {})).toBeUndefined();
    expect(commandFor('r', { ctrl: true })).toBeUndefined();
  });

  it('gives no key two commands, and every command words in both languages', () => {
    const all = KEYS.flatMap((b) => b.keys);
    expect(new Set(all).size).toBe(all.length);
    for (const b of KEYS) {
      expect(b.help.en, b.command).not.toBe('');
      expect(b.help.es, b.command).not.toBe('');
      if (b.hint) expect(b.hint.es).not.toBe('');
    }
    expect(keyHelpRows('es').map((r) => r.help)).toEqual(KEYS.map((b) => b.help.es));
    expect(footerHints('en').at(-1)).toEqual({ keys: 'q', hint: 'quit', rank: 1 });
  });
});

describe('keys typed faster than a read', () => {
  it('are taken one by one, in order', () => {
    expect(commandsFor('2r1', {}).map((c) => [c.command, c.index])).toEqual([
      ['scenario', 1],
      ['rerun', undefined],
      ['scenario', 0],
    ]);
  });

  it('leave single keys and named keys as they are', () => {
    expect(commandsFor('q', {}).map((c) => c.command)).toEqual(['quit']);
    expect(commandsFor('', { leftArrow: true }).map((c) => c.command)).toEqual(['prevScenario']);
    expect(commandsFor('zz', {})).toEqual([]);
  });
});
