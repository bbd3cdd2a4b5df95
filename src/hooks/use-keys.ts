import { useInput, type Key } from 'ink';
import { useCallback } from 'react';
import { commandsFor, type KeyCommand } from '../view/keys.js';

/** Sends each key press that the key table knows to `onCommand`. */
export function useKeys(onCommand: (command: KeyCommand) => void, active = true): void {
  const handler = useCallback(
    (input: string, key: Key) => {
      for (const command of commandsFor(input, key)) onCommand(command);
    },
    [onCommand],
  );
  useInput(handler, { isActive: active });
}
