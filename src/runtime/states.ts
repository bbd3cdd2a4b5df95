/** What an entity is. */
export const KINDS = ['task', 'future', 'coroutine', 'worker', 'process'] as const;
export type Kind = (typeof KINDS)[number];

/** Where an entity is in its life; the order is the code stored in the event log. */
export const STATES = ['created', 'pending', 'running', 'waiting', 'resolved', 'rejected', 'cancelled'] as const;
export type State = (typeof STATES)[number];

export const STATE_CODE: Readonly<Record<State, number>> = Object.freeze(
  Object.fromEntries(STATES.map((s, i) => [s, i])) as Record<State, number>,
);

export function isSettled(state: State): boolean {
  return state === 'resolved' || state === 'rejected' || state === 'cancelled';
}

/** Prefix of an entity's public id, so `t2` reads as a task and `f5` as a future. */
export const KIND_PREFIX: Readonly<Record<Kind, string>> = {
  task: 't',
  future: 'f',
  coroutine: 'c',
  worker: 'w',
  process: 'p',
};
