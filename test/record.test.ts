import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../src/usage-error.js';
import { RecordError } from '../src/record/output-file.js';
import { Recording } from '../src/record/record.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'loopscope-record-'));
  dirs.push(dir);
  return dir;
}

/** The lines of a cast file, parsed (each must be JSON). */
function parse(path: string): { header: Record<string, unknown>; events: [number, string, string][] } {
  const [first, ...rest] = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  return { header: JSON.parse(first!), events: rest.map((line) => JSON.parse(line)) };
}

/** A terminal-like stream: size, resize events, and what was written. */
class FakeTerminal extends EventEmitter {
  columns = 80;
  rows = 24;
  isTTY = true;
  written: string[] = [];
  write(chunk: string | Uint8Array, callback?: () => void): boolean {
    this.written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    callback?.();
    return true;
  }
}

describe('Recording', () => {
  it('writes an asciicast v2 header, then output and resize events with times that never go back', () => {
    const path = join(tempDir(), 'demo.cast');
    const rec = Recording.open(path);
    rec.start(100, 30, { TERM: 'xterm-256color', SHELL: '/bin/zsh' }, Date.UTC(2025, 0, 1));
    rec.output('hello ');
    rec.output(Buffer.from('wörld\n'));
    rec.resize(120, 40);
    rec.output('\u001B[2K');
    rec.close();
    const { header, events } = parse(path);
    expect(header).toEqual({ version: 2, width: 100, height: 30, timestamp: Date.UTC(2025, 0, 1) / 1000, env: { TERM: 'xterm-256color', SHELL: '/bin/zsh' } });
    expect(events.map(([, code, data]) => [code, data])).toEqual([
      ['o', 'hello '],
      // As the terminal gets it: its line discipline sends each \n as \r\n.
      ['o', 'wörld\r\n'],
      ['r', '120x40'],
      ['o', '\u001B[2K'],
    ]);
    for (let i = 1; i < events.length; i++) expect(events[i]![0]).toBeGreaterThanOrEqual(events[i - 1]![0]);
  });

  it('has each line on disk as soon as it is recorded (a crash keeps what was shown)', () => {
    const path = join(tempDir(), 'live.cast');
    const rec = Recording.open(path);
    rec.start(80, 24, {});
    rec.output('first frame');
    // Not closed: read while the recording is still open.
    expect(parse(path).events.map((e) => e[2])).toEqual(['first frame']);
    rec.close();
  });

  it('keeps a character split across two byte chunks whole', () => {
    const path = join(tempDir(), 'split.cast');
    const rec = Recording.open(path);
    rec.start(80, 24, {});
    const bytes = Buffer.from('█');
    rec.output(bytes.subarray(0, 1));
    rec.output(bytes.subarray(1));
    rec.close();
    expect(parse(path).events.map((e) => e[2]).join('')).toBe('█');
  });

  it('tees a terminal: writes reach it and the file, size and events stay the terminal’s', () => {
    const path = join(tempDir(), 'tee.cast');
    const terminal = new FakeTerminal();
    const rec = Recording.open(path);
    rec.start(terminal.columns, terminal.rows, {});
    const unfollow = rec.followResizes(terminal as unknown as NodeJS.WriteStream);
    const tee = rec.tee(terminal as unknown as NodeJS.WriteStream);
    let called = false;
    expect(tee.write('frame 1', () => (called = true))).toBe(true);
    expect(called).toBe(true);
    expect(tee.columns).toBe(80);
    let heard = 0;
    tee.on('resize', () => heard++);
    terminal.columns = 132;
    terminal.rows = 43;
    terminal.emit('resize');
    tee.write('frame 2');
    unfollow();
    terminal.emit('resize');
    rec.close();
    expect(terminal.written).toEqual(['frame 1', 'frame 2']);
    expect(heard).toBe(2);
    expect(parse(path).events.map(([, code, data]) => `${code} ${data}`)).toEqual(['o frame 1', 'r 132x43', 'o frame 2']);
  });

  it.skipIf(!existsSync('/dev/full'))('stops writing at the first error (a full disk), without throwing, and says why', () => {
    const rec = Recording.open('/dev/full');
    rec.start(80, 24, {});
    rec.output('frame');
    rec.close();
    expect(rec.failure).toBe('ENOSPC');
  });

  it('leaves an existing file alone until the recording starts; discard removes only a file it made', () => {
    const dir = tempDir();
    const existing = join(dir, 'old.cast');
    writeFileSync(existing, 'keep me');
    Recording.open(existing, { overwrite: true }).discard();
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
    const fresh = join(dir, 'new.cast');
    Recording.open(fresh).discard();
    expect(existsSync(fresh)).toBe(false);
  });

  it('replaces an existing file only with overwrite, and never the protected one', () => {
    const dir = tempDir();
    const existing = join(dir, 'old.cast');
    writeFileSync(existing, 'keep me');
    expect(() => Recording.open(existing)).toThrow(/already exists; add --overwrite/);
    const module = join(dir, 'program.mjs');
    writeFileSync(module, 'export default async () => {};');
    for (const overwrite of [false, true]) {
      expect(() => Recording.open(module, { overwrite, protect: module })).toThrow(/is the --file module being run/);
    }
    const rec = Recording.open(existing, { overwrite: true, protect: module });
    rec.start(80, 24, {});
    rec.close();
    expect(parse(existing).header).toMatchObject({ version: 2, width: 80 });
    expect(readFileSync(module, 'utf8')).toBe('export default async () => {};');
  });

  it('refuses a path in a missing folder, a folder, or under a file, naming the problem and the fix', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    const problem = (path: string) => {
      try {
        Recording.open(path).discard();
      } catch (error) {
        expect(error).toBeInstanceOf(RecordError);
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error(`opened ${path}`);
    };
    expect(problem(join(dir, 'missing', 'x.cast'))).toBe(`--record: the folder '${join(dir, 'missing')}' does not exist; create it first or record to another path`);
    expect(problem(dir)).toBe(`--record: '${dir}' is a folder; name a file in it, such as ${join(dir, 'demo.cast')}`);
    expect(problem(join(dir, 'file', 'x.cast'))).toMatch(/^--record: '.*file' is not a folder; /);
  });
});
