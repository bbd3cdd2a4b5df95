import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';

const ANSI = /\u001B\[[0-9;?]*[A-Za-z]/g;

/** The text of a frame, without colour codes (so snapshots read the same with or without colour). */
export function plain(frame: string | undefined): string {
  return (frame ?? '').replace(ANSI, '');
}

/** Renders once and returns the frame as text. */
export function frameOf(element: ReactElement): string {
  const app = render(element);
  const frame = plain(app.lastFrame());
  app.unmount();
  return frame;
}

/** Polls until `frame()` satisfies `ok`; fails with the last frame after `timeoutMs`. */
export async function waitForFrame(frame: () => string, ok: (text: string) => boolean, timeoutMs = 5000): Promise<string> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const text = frame();
    if (ok(text)) return text;
    if (performance.now() > deadline) throw new Error(`timed out waiting for the screen; last frame:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
