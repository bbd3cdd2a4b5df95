import { useInput, type Key } from 'ink';

/** Hands every read from the terminal to `onInput` (the session looks keys up, or takes typed text). */
export function useKeys(onInput: (input: string, key: Key) => void, active = true): void {
  useInput(onInput, { isActive: active });
}
