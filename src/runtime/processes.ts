import type { ChildProcess } from 'node:child_process';
import type { Worker } from 'node:worker_threads';
import { errorText } from './errors.js';
import type { EntityRecord, Tracker } from './tracker.js';

/** Something a run started that must not outlive it. */
export interface Stoppable {
  readonly record: EntityRecord;
  stop(): Promise<void>;
}

/**
 * Tracks a worker thread as an entity: pending until online, running, then resolved on exit 0,
 * rejected on an error or another exit code, cancelled when the run stops it.
 */
export function trackWorker(tracker: Tracker, worker: Worker, name: string | undefined, parent?: string): Stoppable {
  const record = tracker.add('worker', name, { parent, handle: worker, detail: `thread ${worker.threadId}` });
  let stopping = false;
  let failure: string | undefined;
  worker.once('online', () => tracker.setState(record, 'running'));
  worker.once('error', (error) => {
    failure = errorText(error);
  });
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', (code) => {
      // A worker that threw is reported so even when the run stops it before its exit arrives.
      if (failure !== undefined) tracker.setState(record, 'rejected', failure);
      else if (stopping) tracker.setState(record, 'cancelled', 'terminated when the run stopped');
      else if (code !== 0) tracker.setState(record, 'rejected', `exited with code ${code}`);
      else tracker.setState(record, 'resolved', 'exit 0');
      resolve();
    });
  });
  return {
    record,
    async stop() {
      stopping = record.settled === undefined;
      await worker.terminate();
      await exited;
    },
  };
}

/** Tracks a child process the same way; the run's stop kills it. */
export function trackProcess(tracker: Tracker, child: ChildProcess, name: string | undefined, parent?: string): Stoppable {
  const record = tracker.add('process', name, { parent, handle: child, detail: child.pid ? `pid ${child.pid}` : undefined });
  let stopping = false;
  let failure: string | undefined;
  child.once('spawn', () => tracker.setState(record, 'running'));
  child.once('error', (error) => {
    failure = errorText(error);
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('close', (code, signal) => {
      if (stopping) tracker.setState(record, 'cancelled', `killed (${signal ?? code}) when the run stopped`);
      else if (failure !== undefined || code !== 0)
        tracker.setState(record, 'rejected', failure ?? (signal ? `killed by ${signal}` : `exited with code ${code}`));
      else tracker.setState(record, 'resolved', 'exit 0');
      resolve();
    });
  });
  return {
    record,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        stopping = true;
        child.kill('SIGKILL');
      }
      await exited;
    },
  };
}
