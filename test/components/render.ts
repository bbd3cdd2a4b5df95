import { EventEmitter } from 'node:events';
import { render as inkRender } from 'ink';
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

/** A stdout `columns` wide that keeps the last frame (ink-testing-library's is 100 wide). */
class WideStdout extends EventEmitter {
  last = '';
  constructor(readonly columns: number) {
    super();
  }
  write = (frame: string) => {
    this.last = frame;
    return true;
  };
}

/** Renders once on a terminal `columns` wide and returns the frame as text: for screens wider than 100. */
export function frameAt(element: ReactElement, columns: number): string {
  const stdout = new WideStdout(columns);
  const stdin = Object.assign(new EventEmitter(), { isTTY: false, setEncoding() {}, setRawMode() {}, resume() {}, pause() {}, ref() {}, unref() {}, read: () => null });
  const app = inkRender(element, { stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, debug: true, exitOnCtrlC: false, patchConsole: false });
  const frame = plain(stdout.last);
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
