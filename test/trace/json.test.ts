import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

type Line = Record<string, unknown>;

/** The JSON lines of `loopscope --json -- node <fixture>`, and its exit code. */
function traced(fixture: string): { code: number | null; lines: Line[] } {
  const run = cli(['--json', '--', process.execPath, fixture]);
  expect(run.stderr).toBe('');
  return { code: run.code, lines: run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Line) };
}

/** Every state an entity went through, in order, by its id. */
function histories(lines: readonly Line[]): Map<string, Line[]> {
  const by = new Map<string, Line[]>();
  for (const line of lines) if (line.type === 'state') by.set(line.id as string, [...(by.get(line.id as string) ?? []), line]);
  return by;
}

describe('loopscope --json -- node <program>', () => {
  it('shows a timer, an async function’s promise by its name, a server and its sockets, with their states', () => {
    const { code, lines } = traced('test/fixtures/trace/kinds.mjs');
    expect(code).toBe(0);
    expect(lines[0]).toMatchObject({ type: 'stream' });
    expect(lines[1]).toMatchObject({ type: 'start', scenario: 'trace' });
    const process = lines.find((l) => l.type === 'process')!;
    expect(process).toMatchObject({ id: expect.stringMatching(/^p\d+$/), pid: expect.any(Number), argv: [expect.any(String), expect.stringMatching(/kinds\.mjs$/)] });
    const states = (id: string) => histories(lines).get(id)!.map((l) => l.state);
    const first = (kind: string, name: RegExp) => lines.find((l) => l.type === 'state' && l.kind === kind && name.test(l.name as string));
    const timer = first('timer', /^setTimeout 80ms$/)!;
    expect(states(timer.id as string)).toEqual(['pending', 'settled']);
    const slow = first('promise', /^fetchSlowly$/)!;
    expect(states(slow.id as string)).toEqual(['pending', 'resolved']);
    expect(histories(lines).get(slow.id as string)!.at(-1)).toMatchObject({ value: "'slow'", parent: process.id, pid: process.pid });
    const server = first('server', /^server 127\.0\.0\.1:\d+$/)!;
    expect(states(server.id as string)).toEqual(['waiting', 'settled']);
    // The connection the server accepted, under it, and the client's end.
    const accepted = first('socket', /^← 127\.0\.0\.1:\d+$/)!;
    expect(accepted.parent).toBe(server.id);
    expect(states(accepted.id as string).at(-1)).toBe('settled');
    expect(lines.some((l) => l.type === 'state' && l.kind === 'socket' && String(l.name).startsWith('→'))).toBe(true);
    expect(lines).toContainEqual(expect.objectContaining({ type: 'log', stream: 'stdout', text: 'hi slow' }));
    expect(lines).toContainEqual(expect.objectContaining({ type: 'exit', code: 0, pid: process.pid }));
    expect(lines.at(-1)).toMatchObject({ type: 'end', scenario: 'trace', ok: true, code: 0 });
  });

  it('shows both processes of a program that forks a Node child, the child under its parent', () => {
    const { code, lines } = traced('test/fixtures/trace/forks.mjs');
    expect(code).toBe(0);
    const processes = lines.filter((l) => l.type === 'process');
    expect(processes).toHaveLength(2);
    const [parent, child] = processes as [Line, Line];
    expect(child.pid).not.toBe(parent.pid);
    expect(child.ppid).toBe(parent.pid);
    expect(child.argv).toEqual([expect.any(String), expect.stringMatching(/forks\.mjs$/), 'child']);
    // The child's entity under the parent's, and each one's exit.
    expect(child.parent).toBe(parent.id);
    expect(parent.parent).toBeUndefined();
    for (const p of processes) expect(lines).toContainEqual(expect.objectContaining({ type: 'exit', code: 0, pid: p.pid }));
    expect(lines).toContainEqual(expect.objectContaining({ type: 'log', text: `child ${child.pid} done` }));
  });

  it('keeps a million promises to counts: a few shown, the rest folded, every one of them counted', { timeout: 120_000 }, () => {
    const { code, lines } = traced('test/fixtures/trace/million-promises.mjs');
    expect(code).toBe(0);
    expect(lines).toContainEqual(expect.objectContaining({ type: 'log', text: `sum ${(999_999 * 1_000_000) / 2}` }));
    const shown = new Set(lines.filter((l) => l.type === 'state' && l.kind === 'promise').map((l) => l.id));
    const folded = lines.filter((l) => l.type === 'folded' && l.kind === 'promise').reduce((sum, l) => sum + (l.count as number), 0);
    // Each `one(i)` is a promise; the stream carries counts for them, not a record each.
    expect(shown.size + folded).toBeGreaterThanOrEqual(1_000_000);
    expect(shown.size).toBeLessThan(1_000);
    expect(lines.length).toBeLessThan(5_000);
  });
});
