/**
 * The signals that end loopscope (Ctrl+C, a kill, a terminal closed), each with the exit code a
 * shell gives a program they end: 128 + the signal's number. loopscope handles them itself, in
 * the dashboard and headless alike: a run's process is in a group of its own, which they do not
 * reach, and it must end with loopscope.
 */
export const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

export type EndingSignal = keyof typeof SIGNAL_CODES;

export const ENDING_SIGNALS = Object.keys(SIGNAL_CODES) as EndingSignal[];
