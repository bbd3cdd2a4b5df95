// For a workload the bench runs as --file: a line in the bench's probe log (bench/probe.ts), stamped
// on the same clock as the dashboard's own lines, so what the program did and what the screen did
// compare. Without the log (a run by hand) it notes nothing.
import { appendFileSync } from 'node:fs';

export function note(ev: string, fields: Record<string, unknown> = {}): void {
  const log = process.env.LOOPSCOPE_BENCH_LOG;
  if (log) appendFileSync(log, `${JSON.stringify({ t: Number(process.hrtime.bigint()) / 1e6, pid: process.pid, role: 'program', ev, ...fields })}\n`);
}
