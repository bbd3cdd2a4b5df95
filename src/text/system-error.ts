import { getSystemErrorMap } from 'node:util';
import { printable, QUOTE_MAX } from './quote.js';

/**
 * What a failed system call says, as `no space left on device (ENOSPC)`: the system's own words
 * and code, without the rest of Node's message, which repeats the path unescaped (callers quote
 * the path themselves).
 */
export function systemReason(error: unknown): string {
  const { errno, code } = (error ?? {}) as NodeJS.ErrnoException;
  const words = errno === undefined ? undefined : getSystemErrorMap().get(errno)?.[1];
  if (words && code) return `${words} (${code})`;
  return code ?? printable(error instanceof Error ? error.message : String(error), QUOTE_MAX);
}
