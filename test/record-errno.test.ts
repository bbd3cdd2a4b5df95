import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Every way the system can refuse a --record path is worded from its own error, not guessed:
// the codes no test machine gives on demand (a read-only file system) come from a stand-in
// openSync that fails the way the kernel would.

const refusals = vi.hoisted(() => new Map<string, string>());
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const openSync = (path: string, ...rest: unknown[]) => {
    const code = refusals.get(path);
    if (code) throw Object.assign(new Error(`${code}: refused, open '${path}'`), { code, errno: -constants.errno[code as keyof typeof constants.errno], syscall: 'open', path });
    return (fs.openSync as (...args: unknown[]) => number)(path, ...rest);
  };
  return { ...fs, default: { ...fs, openSync }, openSync };
});

const { Recording } = await import('../src/record/record.js');

function refusal(code: string, path = join(tmpdir(), `loopscope-${code}.cast`)): string {
  refusals.set(path, code);
  try {
    Recording.open(path).discard();
  } catch (error) {
    return (error as Error).message;
  } finally {
    refusals.delete(path);
  }
  throw new Error(`opened ${path}`);
}

describe('a --record path the system refuses', () => {
  it('says so in the system’s words and code', () => {
    const path = join(tmpdir(), 'loopscope-EROFS.cast');
    expect(refusal('EROFS')).toBe(`--record: '${path}' is on a read-only file system (EROFS); record to a folder you can write, such as ./demo.cast`);
    expect(refusal('EPERM')).toMatch(/^--record: cannot write '.*': operation not permitted \(EPERM\); record to a folder you can write/);
    expect(refusal('EINVAL')).toMatch(/^--record: cannot write '.*': invalid argument \(EINVAL\); record to another path$/);
    expect(refusal('EACCES')).toMatch(/^--record: no permission to write '.*'; record to a folder you can write/);
  });

  it('blames a missing folder only when the folder is missing', () => {
    // /proc answers ENOENT for a file it will not make, in a folder that exists.
    expect(refusal('ENOENT')).toMatch(/^--record: cannot create '.*': no such file or directory \(ENOENT\); /);
    expect(refusal('ENOENT', join(tmpdir(), 'loopscope-no-such-folder', 'x.cast'))).toMatch(/^--record: the folder '.*loopscope-no-such-folder' does not exist; /);
  });
});
