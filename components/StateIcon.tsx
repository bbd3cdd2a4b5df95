import { Text } from 'ink';
import { memo } from 'react';
import { useSnapshot } from '../src/hooks/use-snapshot.js';
import { useTheme } from '../src/hooks/use-theme.js';
import { STATE_LOOK } from '../src/view/looks.js';
import type { State } from '../src/runtime/states.js';
import type { DashboardSnapshot, SnapshotSource } from '../src/dashboard/store.js';

export type Props = {
  /** Where the spinner glyph of the moment is read, while the state spins. */
  readonly store: SnapshotSource;
  readonly state: State;
};

const spinner = (s: DashboardSnapshot) => s.spinner;
const still = () => '';

/**
 * A spinner while an entity is pending, running or waiting; then ✓ ✗ or ⊘; `·` for a coroutine
 * not yet awaited. A spinning icon follows the store's spinner itself, so the glyph turning
 * redraws this mark, not the row around it.
 */
export const StateIcon = memo(function StateIcon({ store, state }: Props) {
  const theme = useTheme();
  const look = STATE_LOOK[state];
  const glyph = useSnapshot(store, look.spins ? spinner : still);
  return <Text color={theme.state[state]}>{look.spins ? glyph : look.icon}</Text>;
});
