// A tmux server of the project's own (the end-to-end tests, the soak, the screen captures): its shell, and its end.
import { rmSync } from 'node:fs';

/**
 * The shell its one window starts: a known prompt, no user config, and no CI, as on a user's
 * machine (chalk turns colour off under CI; dashboard.test checks the screen with CI=true itself).
 */
export const SHELL = "env -u CI -u CONTINUOUS_INTEGRATION PS1='ready$ ' TERM=xterm-256color bash --norc --noprofile";

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
