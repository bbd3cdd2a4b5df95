import type { Colour, Theme } from './theme.js';
import type { CellRole } from './timeline.js';

/** The colour of a timeline cell's role: its state's, or the theme's for a block or a pause. */
export function roleColour(theme: Theme, role: CellRole): Colour {
  switch (role) {
    case 'empty':
      return undefined;
    case 'share':
      return theme.state.running;
    case 'blocked':
      return theme.blocked;
    case 'paused':
      return theme.paused;
    default:
      return theme.state[role];
  }
}
