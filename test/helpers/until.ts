/**
 * Resolves once `ok()` holds, asking every `everyMs`; fails after `timeoutMs`, saying what it
 * waited for (a function, to describe the state at the moment it gave up).
 */
export async function until(
  ok: () => boolean,
  what: string | (() => string) = 'a condition',
  { timeoutMs = 10_000, everyMs = 5 }: { timeoutMs?: number; everyMs?: number } = {},
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!ok()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
