// The bench's view into loopscope's processes: bench/probe/hook.ts, bundled and loaded with
// NODE_OPTIONS=--import into the dashboard and into every run's process, appends what happened
// (keys read, frames written, runs started, exits) with hrtime stamps to a log file of the
// bench's; the workloads given as --file write their own lines there too (workloads/note.ts).
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HOOK = fileURLToPath(new URL('./probe/hook.ts', import.meta.url));
/** The variable that names the log, for the hook and for workloads. */
export const LOG_VARIABLE = 'LOOPSCOPE_BENCH_LOG';

/** One line of the log: when (hrtime, ms), which process, what, and what else the line says. */
export interface ProbeEvent {
  readonly t: number;
  readonly pid: number;
  readonly role?: 'dashboard' | 'run' | 'program';
  readonly ev: string;
  readonly [field: string]: unknown;
}

/** The hook's bundle, built once per bench process. */
let built: Promise<string> | undefined;

function hookBundle(): Promise<string> {
  built ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'loopscope-probe-'));
    const outfile = join(dir, 'hook.mjs');
    const { build } = await import('esbuild');
    await build({ entryPoints: [HOOK], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
    // At exit only synchronous work gets done.
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return outfile;
  })();
  return built;
}

/** A log of one measured start, and the environment that makes loopscope write it. */
export class Probe {
  private constructor(
    readonly log: string,
    readonly dir: string,
    readonly hook: string,
  ) {}

  static async create(): Promise<Probe> {
    const hook = await hookBundle();
    const dir = await mkdtemp(join(tmpdir(), 'loopscope-probe-log-'));
    return new Probe(join(dir, 'events.jsonl'), dir, hook);
  }

  /** Variables for the command line: the hook preloaded, and where it writes. */
  get env(): Record<string, string> {
    return { NODE_OPTIONS: `--import=${pathToFileURL(this.hook).href}`, [LOG_VARIABLE]: this.log };
  }

  async events(): Promise<ProbeEvent[]> {
    let text: string;
    try {
      text = await readFile(this.log, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as ProbeEvent);
  }

  /** Waits until an event matches, and returns it. */
  async waitFor(match: (event: ProbeEvent) => boolean, what: string, timeoutMs = 15_000): Promise<ProbeEvent> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = (await this.events()).find(match);
      if (found) return found;
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${what} in the probe's log`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async close(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Now on the probe's clock (hrtime, ms): the bench's own stamps compare with the processes'. */
export function hrNow(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** The first event at or after `t` that matches. */
export function firstAfter(events: readonly ProbeEvent[], t: number, match: (event: ProbeEvent) => boolean): ProbeEvent | undefined {
  return events.find((event) => event.t >= t && match(event));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
