import { useRef, useSyncExternalStore } from 'react';
import type { DashboardSnapshot, SnapshotSource } from '../dashboard/store.js';

/** True when two values are the same, or objects with the same keys holding identical values. */
function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * A slice of the dashboard snapshot. The component re-renders only when the slice changes
 * (shallowly), so a panel whose data did not move is left alone when others repaint.
 */
export function useSnapshot<T>(store: SnapshotSource, select: (snap: DashboardSnapshot) => T, isEqual: (a: T, b: T) => boolean = shallowEqual): T {
  const memo = useRef<{ snap: DashboardSnapshot; select: typeof select; value: T } | undefined>(undefined);
  const read = (): T => {
    const snap = store.getSnapshot();
    const last = memo.current;
    if (last && last.snap === snap && last.select === select) return last.value;
    const value = select(snap);
    const kept = last && isEqual(last.value, value) ? last.value : value;
    memo.current = { snap, select, value: kept };
    return kept;
  };
  return useSyncExternalStore(store.subscribe, read);
}
