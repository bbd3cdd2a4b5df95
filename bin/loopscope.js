#!/usr/bin/env node
// Starts the prebuilt bundle; rebuilds it first when a source file is newer (a checkout being edited).
import { existsSync } from 'node:fs';

const builder = new URL('../scripts/build.mjs', import.meta.url);
// A build that fails has said why in one line: exit with that, not with a stack trace.
const built = existsSync(builder) ? await (await import(builder.href)).buildIfStale() : true;
if (built) await import('../dist/cli.js');
else process.exitCode = 1;
