import type { EventEmitter } from 'node:events';
import type { Ctx, Future } from '../../src/index.js';

/** What the pool sends: a job, or 'close' when none are left. */
export type JobMessage = { readonly limit: number } | 'close';

/** A worker thread or a forked child, as the pool talks to it. */
export interface PoolMember {
  /** Emits 'message' for each answer (the first is 'ready') and 'exit' when it ends. */
  readonly events: EventEmitter;
  post(message: JobMessage): void;
}

/** A member's answer to one job: the count and how long the member itself spent on it. */
export interface JobAnswer {
  readonly count: number;
  readonly ms: number;
}

/** Jobs handed to a pool, and the members' end. */
export interface PoolRun {
  /** One tracked future per job, in job order. */
  readonly jobs: readonly Future<JobAnswer>[];
  /** Every member's exit code once all have exited after 'close'; rejects if the run is stopped. */
  readonly exited: Promise<(number | null)[]>;
}

/** How a pool starts. */
export interface PoolOptions {
  /** Name of the job futures: `job-1`, `job-2`... */
  readonly name?: string;
  /** The members said 'ready' already (and were warmed up): each takes its first job at once. */
  readonly started?: boolean;
}

/**
 * What ProcessPoolExecutor.map does: each member takes the next job once it is free (after its
 * 'ready', then after each answer) and gets 'close' when none are left. Every job is a tracked
 * future, settled by the answer or by the member dying; stopping the run cancels the rest.
 */
export function submitJobs(ctx: Ctx, members: readonly PoolMember[], limits: readonly number[], options: PoolOptions = {}): PoolRun {
  const name = options.name ?? 'job';
  const jobs = limits.map((_, i) => ctx.createFuture<JobAnswer>(`${name}-${i + 1}`));
  let next = 0;
  const exits = members.map(
    (member) =>
      new Promise<number | null>((resolve) => {
        let current: Future<JobAnswer> | undefined;
        const takeNext = () => {
          current = jobs[next];
          if (current) member.post({ limit: limits[next++]! });
          else member.post('close');
        };
        member.events.on('message', (message: JobAnswer | 'ready') => {
          if (message !== 'ready' && current && !current.done()) current.setResult(message);
          takeNext();
        });
        member.events.once('exit', (code: number | null) => {
          if (current && !current.done()) current.setException(new Error(`its runner exited with code ${code}`));
          resolve(code);
        });
        if (options.started) takeNext();
      }),
  );
  const exited = new Promise<(number | null)[]>((resolve, reject) => {
    Promise.all(exits).then(resolve, reject);
    ctx.signal.addEventListener(
      'abort',
      () => {
        for (const job of jobs) job.cancel('the run was stopped');
        reject(ctx.signal.reason);
      },
      { once: true },
    );
  });
  // Whoever awaits it sees the stop; nobody awaiting it is not an unhandled rejection.
  exited.catch(() => undefined);
  return { jobs, exited };
}

/** The member's next message; rejects if it exits first or the run is stopped. */
export function nextMessage<T = unknown>(events: EventEmitter, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const settle = (finish: () => void) => {
      events.off('message', onMessage);
      events.off('exit', onExit);
      signal.removeEventListener('abort', onAbort);
      finish();
    };
    const onMessage = (message: T) => settle(() => resolve(message));
    const onExit = (code: number | null) => settle(() => reject(new Error(`exited with code ${code} before answering`)));
    const onAbort = () => settle(() => reject(signal.reason));
    if (signal.aborted) return onAbort();
    events.on('message', onMessage);
    events.on('exit', onExit);
    signal.addEventListener('abort', onAbort);
  });
}
