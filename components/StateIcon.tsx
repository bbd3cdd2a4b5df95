import { Text } from 'ink';
import { memo } from 'react';
import { useTheme } from '../src/hooks/use-theme.js';
import { isLive } from '../src/rows.js';
import type { State } from '../src/runtime/states.js';

type Still = 'created' | 'resolved' | 'rejected' | 'cancelled';

/** The mark of each state that does not spin. */
const STATE_ICON: Readonly<Record<Still, string>> = {
  created: '·',
  resolved: '✓',
  rejected: '✗',
  cancelled: '⊘',
};

export type Props = {
  readonly state: State;
  /** The spinner glyph of the moment, for pending, running and waiting. */
  readonly spinner: string;
};

/** A spinner while an entity is pending, running or waiting; then ✓ ✗ or ⊘; `·` for a coroutine not yet awaited. */
export const StateIcon = memo(function StateIcon({ state, spinner }: Props) {
  const theme = useTheme();
  return <Text color={theme.state[state]}>{isLive(state) ? spinner : STATE_ICON[state as Still]}</Text>;
});
