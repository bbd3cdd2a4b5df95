import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { packageFile } from '../paths.js';
import { TRACE_CHANNEL_VARIABLE } from '../stream/events.js';

/** The probe every Node process of a traced command preloads (built with the CLI; see scripts/build.mjs). */
export function probeEntry(): URL {
  return packageFile('dist/trace.js');
}

/**
 * Why `name` cannot be run, as a shell would find it (a path as given, else the first match on
 * PATH), or undefined when it can: no such file, a folder, not executable.
 */
export function unrunnable(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = name.includes('/') ? [name] : (env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  let found: string | undefined;
  for (const path of candidates) {
    let isFile: boolean;
    try {
      isFile = statSync(path).isFile();
    } catch {
      continue;
    }
    if (!isFile) {
      found ??= 'is a directory';
      continue;
    }
    try {
      accessSync(path, constants.X_OK);
      return undefined;
    } catch {
      found = 'is not executable';
    }
  }
  return found ?? (name.includes('/') ? 'no such file' : 'no such command');
}

/**
 * The environment of a traced command: the probe added to NODE_OPTIONS (after what is there, so
 * every Node process it starts, children included, preloads it), and the channel to report on.
 */
export function tracedEnv(channel: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  // A file URL: NODE_OPTIONS splits on spaces, and a URL has none.
  const preload = `--import=${probeEntry().href}`;
  return { ...env, NODE_OPTIONS: env.NODE_OPTIONS ? `${env.NODE_OPTIONS} ${preload}` : preload, [TRACE_CHANNEL_VARIABLE]: channel };
}
