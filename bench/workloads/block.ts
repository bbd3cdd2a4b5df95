// Run as --file by bench/figures/block-frames.ts: a program that holds its thread for BLOCK_MS
// (time.sleep: ctx.blockFor), between two short waits, noting on the bench's clock when the
// block began and ended.
import type { Ctx } from '../../src/agent/context.js';
import { note } from './note.js';

const BLOCK_MS = 2000;
const WAIT_MS = 500;

export default async function block(ctx: Ctx): Promise<void> {
  const ticker = ctx.createTask('ticker', async () => {
    for (let i = 0; i < 10; i++) await ctx.sleep(WAIT_MS / 5);
  });
  await ctx.sleep(WAIT_MS);
  console.log(`blocking the thread for ${BLOCK_MS} ms`);
  note('block-start');
  ctx.blockFor(BLOCK_MS);
  note('block-end');
  await ticker;
  await ctx.sleep(WAIT_MS);
}
