/** The shell a project tmux window starts: a known prompt, no user config, no CI. */
export const SHELL: string;
/** Kills the tmux server `tmux` talks to and removes its socket file; a server already gone is fine. */
export function killServer(tmux: (...args: string[]) => string): void;
