import { useInput, type Key } from 'ink';
import { useCallback } from 'react';
import { commandsFor, type KeyCommand, type Mode } from '../view/keys.js';

/** Sends each key press that the key table knows in `mode` to `onCommand`. */
export function useKeys(onCommand: (command: KeyCommand) => void, mode: Mode, active = true): void {
  const handler = useCallback(
    (input: string, key: Key) => {
      for (const command of commandsFor(input, key, mode)) onCommand(command);
    },
    [onCommand, mode],
  );
  useInput(handler, { isActive: active });
}
