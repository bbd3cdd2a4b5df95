// Ending a tmux server of the project's own (the end-to-end tests, the soak, the screen captures).
import { rmSync } from 'node:fs';

/**
 * Kills the server `tmux` talks to (`tmux(...args)` runs tmux on its socket and returns stdout)
 * and removes its socket file, which tmux 3.3 leaves behind. A server already gone is fine.
 */
export function killServer(tmux) {
  try {
    const path = tmux('display-message', '-p', '#{socket_path}').trim();
    tmux('kill-server');
    if (path) rmSync(path, { force: true });
  } catch {
    // Already gone.
  }
}
