import type { EntityView, Snapshot } from '../runtime/tracker.js';

let last: { snap: Snapshot; id: string; slice: Snapshot } | undefined;

/**
 * The snapshot of a traced command with one Node process's rows only: its own entity and what is
 * under it, less the traced processes it started (each of them is shown on its own). Counts and
 * marks stay the whole command's. A parent comes before its children in a snapshot, so one pass
 * finds them; the last slice is kept, as the store asks again each frame.
 */
export function processSlice(snap: Snapshot, id: string, processes: readonly string[]): Snapshot {
  if (last?.snap === snap && last.id === id) return last.slice;
  const others = new Set(processes.filter((p) => p !== id));
  const inside = new Set<string>([id]);
  const entities: EntityView[] = [];
  for (const e of snap.entities) {
    if (e.id !== id && (e.parent === undefined || !inside.has(e.parent) || others.has(e.id))) continue;
    inside.add(e.id);
    entities.push(e);
  }
  const slice = Object.freeze({ ...snap, entities: Object.freeze(entities) });
  last = { snap, id, slice };
  return slice;
}
