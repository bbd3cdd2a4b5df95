// Run as --file by bench/figures/quit.ts: a program that holds its thread for good, as a bug
// would (`for (;;) {}`). It cannot hear a stop command: only a signal ends its process.
import type { Ctx } from '../../src/agent/context.js';
import { note } from './note.js';

export default async function spin(ctx: Ctx): Promise<void> {
  await ctx.sleep(50);
  console.log('spinning for good');
  note('spin');
  for (;;) {
    // Never yields to the loop.
  }
}
