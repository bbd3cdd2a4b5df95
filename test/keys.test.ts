import { describe, expect, it } from 'vitest';
import { appliesIn, commandFor, commandsFor, footerHints, keyHelpRows, KEYS, MODES } from '../src/view/keys.js';

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
      const found = commandFor(input, key, 'live');
      expect(found?.command, `${JSON.stringify(input)} ${JSON.stringify(key)}`).toBe(command);
      if (index !== undefined) expect(found?.index).toBe(index);
    }
  });

  it('in a replay: space pauses, ← → seek, Home End go to the ends, 1-9 and tab pick a recorded run', () => {
    const cases: [string, object, string, number?][] = [
      [' ', {}, 'pause'],
      ['', { leftArrow: true }, 'seekBack'],
      ['', { rightArrow: true }, 'seekForward'],
      ['', { home: true }, 'seekStart'],
      ['', { end: true }, 'seekEnd'],
      ['2', {}, 'recordedRun', 1],
      ['', { tab: true }, 'nextRun'],
      ['', { tab: true, shift: true }, 'prevRun'],
      ['+', {}, 'faster'],
      ['-', {}, 'slower'],
      ['', { upArrow: true }, 'up'],
      ['p', {}, 'code'],
      ['?', {}, 'help'],
      ['q', {}, 'quit'],
    ];
    for (const [input, key, command, index] of cases) {
      const found = commandFor(input, key, 'replay');
      expect(found?.command, `${JSON.stringify(input)} ${JSON.stringify(key)}`).toBe(command);
      if (index !== undefined) expect(found?.index).toBe(index);
    }
    // What acts on a live run means nothing in a recording.
    for (const input of ['r', 'n', 'c', 'f', 'x']) expect(commandFor(input, {}, 'replay'), input).toBeUndefined();
    // Live, Home goes to the table's first row; in a replay, to the recording's start.
    expect(commandFor('', { home: true }, 'live')).toEqual({ command: 'first', key: 'home' });
  });

  it('ignores keys it does not know, and Ctrl chords other than Ctrl+C', () => {
    expect(commandFor('0', {}, 'live')).toBeUndefined();
    expect(commandFor('z', {}, 'live')).toBeUndefined();
    expect(commandFor('r', { ctrl: true }, 'live')).toBeUndefined();
  });

  it('gives no key two commands within a mode, and every command words in both languages', () => {
    for (const mode of MODES) {
      const all = KEYS.filter((b) => appliesIn(b, mode)).flatMap((b) => b.keysIn?.[mode] ?? b.keys);
      expect(new Set(all).size, mode).toBe(all.length);
      expect(keyHelpRows('es', mode).map((r) => r.help)).toEqual(KEYS.filter((b) => appliesIn(b, mode)).map((b) => b.help.es));
      expect(footerHints('en', mode).at(-1)).toEqual({ keys: 'q', hint: 'quit', rank: 1 });
    }
    for (const b of KEYS) {
      expect(b.help.en, b.command).not.toBe('');
      expect(b.help.es, b.command).not.toBe('');
      if (b.hint) expect(b.hint.es).not.toBe('');
    }
    expect(keyHelpRows('es', 'live').map((r) => r.help)).toEqual(KEYS.filter((b) => appliesIn(b, 'live')).map((b) => b.help.es));
    expect(footerHints('en', 'live').at(-1)).toEqual({ keys: 'q', hint: 'quit', rank: 1 });
    // Every command applies in some mode.
    expect(KEYS.filter((b) => !MODES.some((mode) => appliesIn(b, mode)))).toEqual([]);
  });
});

describe('keys typed faster than a read', () => {
  it('are taken one by one, in order', () => {
    expect(commandsFor('2r1', {}, 'live').map((c) => [c.command, c.index])).toEqual([
      ['scenario', 1],
      ['rerun', undefined],
      ['scenario', 0],
    ]);
  });

  it('leave single keys and named keys as they are', () => {
    expect(commandsFor('q', {}, 'live').map((c) => c.command)).toEqual(['quit']);
    expect(commandsFor('', { leftArrow: true }, 'live').map((c) => c.command)).toEqual(['prevScenario']);
    expect(commandsFor('zz', {}, 'live')).toEqual([]);
  });
});
