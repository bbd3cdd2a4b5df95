import { resolve } from 'node:path';
import { readSource } from '../agent/load-file.js';
import { AgentProcess, type Output } from '../observer/agent-process.js';
import type { ControlMessage, ScenarioInfo } from '../stream/events.js';
import { UsageError } from '../usage-error.js';

/**
 * A --file module, checked here (a regular, readable file of sane size, with a module's
 * extension) and loaded in the process its first run will use: what it is, for the screen, or
 * the one line that says why it does not load (a usage error: exit 2).
 */
export async function loadFileInfo(path: string, output: Output): Promise<{ info: ScenarioInfo; process: AgentProcess }> {
  const full = resolve(path);
  readSource(full, path);
  const process = new AgentProcess(output);
  const answer = new Promise<ControlMessage | undefined>((done) => {
    process.on('event', (event) => {
      if (event.kind === 'control' && (event.message.type === 'loaded' || event.message.type === 'load-error')) done(event.message);
    });
    process.once('exit', () => done(undefined));
  });
  // As typed: the process works in this folder too, and its messages quote the path as given.
  process.send({ type: 'load', file: path });
  const message = await answer;
  if (message?.type === 'loaded') return { info: message.info, process };
  await process.end('did not load');
  throw new UsageError(message?.type === 'load-error' ? message.message : `--file: the process that loads it ended before it said whether it loads`);
}
