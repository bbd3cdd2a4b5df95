/** The folder of the cases: `<name>.py`, `<name>.mjs` and `<name>.out`. */
export const CASES_DIR: string;
/** How many cases run at once. */
export const PARALLEL: number;
/** Every case's name (from its .py or its .mjs), sorted. */
export function caseNames(): string[];
/** An output with what differs by nature taken out (addresses; file and line in a coroutine repr). */
export function normalise(text: string): string;
/** `work(item)` for every item, at most `limit` at once; the promises in item order. */
export function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R>[];
