#!/usr/bin/env node
// Starts the prebuilt bundle; rebuilds it first when a source file is newer (a checkout being edited).
import { existsSync } from 'node:fs';

const builder = new URL('../scripts/build.mjs', import.meta.url);
if (existsSync(builder)) {
  const { isStale, build } = await import(builder.href);
  if (isStale()) await build();
}
await import('../dist/cli.js');
